CREATE TABLE "atelier_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"atelier_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"categorie" text NOT NULL,
	"token_hash" text NOT NULL,
	"presence_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atelier_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"atelier_id" uuid NOT NULL,
	"invite_id" uuid,
	"auteur_id" uuid,
	"nom" text NOT NULL,
	"categorie" text NOT NULL,
	"corps" text NOT NULL,
	"groupe" text,
	"masquee" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ateliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"phase_id" uuid,
	"evenement_id" uuid,
	"titre" text NOT NULL,
	"document_name" text NOT NULL,
	"code" text NOT NULL,
	"statut" text DEFAULT 'ouvert' NOT NULL,
	"groupes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synthese" jsonb,
	"anime_par" uuid,
	"ouvert_le" timestamp with time zone DEFAULT now() NOT NULL,
	"clos_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bulletin_choix" (
	"bulletin_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"categorie" text NOT NULL,
	"valeur" integer NOT NULL,
	CONSTRAINT "bulletin_choix_bulletin_id_item_id_pk" PRIMARY KEY("bulletin_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"user_id" uuid,
	"invite_id" uuid,
	"categorie" text NOT NULL,
	"contenu" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"sujet_type" text NOT NULL,
	"sujet_id" uuid NOT NULL,
	"libelle" text NOT NULL,
	"ordre" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"phase_id" uuid,
	"atelier_id" uuid,
	"titre" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"methode" text NOT NULL,
	"points_total" integer,
	"points_max_par_item" integer,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"habitants" boolean DEFAULT false NOT NULL,
	"invites_atelier" boolean DEFAULT false NOT NULL,
	"resultats_pendant_vote" boolean DEFAULT false NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"close_le" timestamp with time zone,
	"priorites_appliquees_le" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiche_indicateurs" (
	"fiche_id" uuid NOT NULL,
	"indicateur_id" uuid NOT NULL,
	CONSTRAINT "fiche_indicateurs_fiche_id_indicateur_id_pk" PRIMARY KEY("fiche_id","indicateur_id")
);
--> statement-breakpoint
CREATE TABLE "fiche_suivi" (
	"fiche_id" uuid PRIMARY KEY NOT NULL,
	"statut_force" text,
	"motif" text,
	"impacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicateur_cibles" (
	"indicateur_id" uuid NOT NULL,
	"annee" integer NOT NULL,
	"valeur" double precision NOT NULL,
	CONSTRAINT "indicateur_cibles_indicateur_id_annee_pk" PRIMARY KEY("indicateur_id","annee")
);
--> statement-breakpoint
CREATE TABLE "indicateur_valeurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicateur_id" uuid NOT NULL,
	"date" date NOT NULL,
	"valeur" double precision NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"commentaire" text DEFAULT '' NOT NULL,
	"saisi_par" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"code" text,
	"libelle" text NOT NULL,
	"unite" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sens" text DEFAULT 'hausse' NOT NULL,
	"valeur_reference" double precision,
	"annee_reference" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fiches" ADD COLUMN "priorite" integer;--> statement-breakpoint
ALTER TABLE "financements" ADD COLUMN "realise_cents" bigint;--> statement-breakpoint
ALTER TABLE "atelier_invites" ADD CONSTRAINT "atelier_invites_atelier_id_ateliers_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."ateliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier_invites" ADD CONSTRAINT "atelier_invites_presence_id_presences_id_fk" FOREIGN KEY ("presence_id") REFERENCES "public"."presences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier_notes" ADD CONSTRAINT "atelier_notes_atelier_id_ateliers_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."ateliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier_notes" ADD CONSTRAINT "atelier_notes_invite_id_atelier_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."atelier_invites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atelier_notes" ADD CONSTRAINT "atelier_notes_auteur_id_users_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_evenement_id_evenements_id_fk" FOREIGN KEY ("evenement_id") REFERENCES "public"."evenements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_anime_par_users_id_fk" FOREIGN KEY ("anime_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_choix" ADD CONSTRAINT "bulletin_choix_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_choix" ADD CONSTRAINT "bulletin_choix_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_choix" ADD CONSTRAINT "bulletin_choix_item_id_consultation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."consultation_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_invite_id_atelier_invites_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."atelier_invites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_atelier_id_ateliers_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."ateliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_indicateurs" ADD CONSTRAINT "fiche_indicateurs_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_indicateurs" ADD CONSTRAINT "fiche_indicateurs_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_suivi" ADD CONSTRAINT "fiche_suivi_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_suivi" ADD CONSTRAINT "fiche_suivi_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicateur_cibles" ADD CONSTRAINT "indicateur_cibles_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicateur_valeurs" ADD CONSTRAINT "indicateur_valeurs_indicateur_id_indicateurs_id_fk" FOREIGN KEY ("indicateur_id") REFERENCES "public"."indicateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicateur_valeurs" ADD CONSTRAINT "indicateur_valeurs_saisi_par_users_id_fk" FOREIGN KEY ("saisi_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicateurs" ADD CONSTRAINT "indicateurs_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicateurs" ADD CONSTRAINT "indicateurs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "atelier_invites_token_key" ON "atelier_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "atelier_invites_atelier_idx" ON "atelier_invites" USING btree ("atelier_id");--> statement-breakpoint
CREATE INDEX "atelier_notes_atelier_idx" ON "atelier_notes" USING btree ("atelier_id","created_at");--> statement-breakpoint
CREATE INDEX "ateliers_contrat_idx" ON "ateliers" USING btree ("contrat_id","ouvert_le");--> statement-breakpoint
CREATE UNIQUE INDEX "ateliers_code_ouvert_key" ON "ateliers" USING btree ("code") WHERE statut = 'ouvert';--> statement-breakpoint
CREATE INDEX "bulletin_choix_consultation_idx" ON "bulletin_choix" USING btree ("consultation_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_consultation_user_key" ON "bulletins" USING btree ("consultation_id","user_id") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_consultation_invite_key" ON "bulletins" USING btree ("consultation_id","invite_id") WHERE invite_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_items_sujet_key" ON "consultation_items" USING btree ("consultation_id","sujet_type","sujet_id");--> statement-breakpoint
CREATE INDEX "consultation_items_consultation_idx" ON "consultation_items" USING btree ("consultation_id","ordre");--> statement-breakpoint
CREATE INDEX "consultations_contrat_idx" ON "consultations" USING btree ("contrat_id","debut");--> statement-breakpoint
CREATE INDEX "consultations_atelier_idx" ON "consultations" USING btree ("atelier_id");--> statement-breakpoint
CREATE INDEX "fiche_indicateurs_indicateur_idx" ON "fiche_indicateurs" USING btree ("indicateur_id");--> statement-breakpoint
CREATE INDEX "indicateur_valeurs_indicateur_idx" ON "indicateur_valeurs" USING btree ("indicateur_id","date");--> statement-breakpoint
CREATE INDEX "indicateurs_contrat_idx" ON "indicateurs" USING btree ("contrat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicateurs_contrat_code_key" ON "indicateurs" USING btree ("contrat_id","code") WHERE code IS NOT NULL;