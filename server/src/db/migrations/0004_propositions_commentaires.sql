CREATE TABLE "commentaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"sujet_type" text NOT NULL,
	"sujet_id" text NOT NULL,
	"parent_id" uuid,
	"auteur_id" uuid,
	"categorie" text NOT NULL,
	"corps" text NOT NULL,
	"ancre_debut" "bytea",
	"ancre_fin" "bytea",
	"extrait" text,
	"etat" text DEFAULT 'ouvert' NOT NULL,
	"resolu_par" uuid,
	"resolu_le" timestamp with time zone,
	"publication" text DEFAULT 'publie' NOT NULL,
	"modere_par" uuid,
	"moderation_motif" text,
	"modere_le" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"contrat_id" uuid,
	"type" text NOT NULL,
	"titre" text NOT NULL,
	"extrait" text DEFAULT '' NOT NULL,
	"lien" text NOT NULL,
	"lue_le" timestamp with time zone,
	"envoyee_le" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposition_historique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposition_id" uuid NOT NULL,
	"de" text,
	"vers" text NOT NULL,
	"motif" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "propositions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"titre" text NOT NULL,
	"description" text NOT NULL,
	"porteur" text NOT NULL,
	"auteur_id" uuid,
	"categorie" text NOT NULL,
	"cout_estime_cents" bigint,
	"iso_domaine" text,
	"financements_recherches" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"statut" text DEFAULT 'deposee' NOT NULL,
	"motif_decision" text,
	"decidee_par" uuid,
	"decidee_le" timestamp with time zone,
	"fiche_id" uuid,
	"publication" text DEFAULT 'publiee' NOT NULL,
	"modere_par" uuid,
	"moderation_motif" text,
	"modere_le" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signalements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"cible_type" text NOT NULL,
	"cible_id" uuid NOT NULL,
	"par_id" uuid,
	"motif" text NOT NULL,
	"traite_le" timestamp with time zone,
	"traite_par" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contrats" ADD COLUMN "moderation" text DEFAULT 'a_posteriori' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notifications_email" text DEFAULT 'quotidien' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "dernier_email_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_parent_id_commentaires_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."commentaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_auteur_id_users_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_resolu_par_users_id_fk" FOREIGN KEY ("resolu_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commentaires" ADD CONSTRAINT "commentaires_modere_par_users_id_fk" FOREIGN KEY ("modere_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposition_historique" ADD CONSTRAINT "proposition_historique_proposition_id_propositions_id_fk" FOREIGN KEY ("proposition_id") REFERENCES "public"."propositions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposition_historique" ADD CONSTRAINT "proposition_historique_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_auteur_id_users_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_decidee_par_users_id_fk" FOREIGN KEY ("decidee_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_modere_par_users_id_fk" FOREIGN KEY ("modere_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signalements" ADD CONSTRAINT "signalements_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signalements" ADD CONSTRAINT "signalements_par_id_users_id_fk" FOREIGN KEY ("par_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signalements" ADD CONSTRAINT "signalements_traite_par_users_id_fk" FOREIGN KEY ("traite_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commentaires_sujet_idx" ON "commentaires" USING btree ("sujet_type","sujet_id","created_at");--> statement-breakpoint
CREATE INDEX "commentaires_parent_idx" ON "commentaires" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "commentaires_contrat_publication_idx" ON "commentaires" USING btree ("contrat_id","publication");--> statement-breakpoint
CREATE INDEX "commentaires_auteur_idx" ON "commentaires" USING btree ("auteur_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_a_envoyer_idx" ON "notifications" USING btree ("envoyee_le","user_id");--> statement-breakpoint
CREATE INDEX "proposition_historique_idx" ON "proposition_historique" USING btree ("proposition_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "propositions_contrat_numero_key" ON "propositions" USING btree ("contrat_id","numero");--> statement-breakpoint
CREATE INDEX "propositions_contrat_statut_idx" ON "propositions" USING btree ("contrat_id","statut");--> statement-breakpoint
CREATE UNIQUE INDEX "signalements_cible_par_key" ON "signalements" USING btree ("cible_type","cible_id","par_id");--> statement-breakpoint
CREATE INDEX "signalements_contrat_idx" ON "signalements" USING btree ("contrat_id","traite_le");