CREATE TABLE "contrat_sources" (
	"contrat_id" uuid NOT NULL,
	"code" text NOT NULL,
	"libelle" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contrat_sources_contrat_id_code_pk" PRIMARY KEY("contrat_id","code")
);
--> statement-breakpoint
CREATE TABLE "fiche_historique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiche_id" uuid NOT NULL,
	"user_id" uuid,
	"evenement" text NOT NULL,
	"champ" text,
	"avant" jsonb,
	"apres" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fiches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"type" text DEFAULT 'projet' NOT NULL,
	"titre" text NOT NULL,
	"resume" text DEFAULT '' NOT NULL,
	"maturite" text DEFAULT 'idee' NOT NULL,
	"maitre_ouvrage" text DEFAULT '' NOT NULL,
	"partenaires" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"porteur_id" uuid,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"orientation_id" uuid,
	"objectif_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"date_debut" date,
	"date_fin" date,
	"jalons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cout_cents" bigint,
	"indicateurs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"iso_finalites" text[] DEFAULT '{}'::text[] NOT NULL,
	"iso_domaines" text[] DEFAULT '{}'::text[] NOT NULL,
	"odd" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"contrat_lie_id" uuid,
	"partage_avec" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fiche_id" uuid NOT NULL,
	"source" text NOT NULL,
	"montant_cents" bigint NOT NULL,
	"annee" integer NOT NULL,
	"statut" text DEFAULT 'sollicite' NOT NULL,
	"commentaire" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maquette_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"annee" integer NOT NULL,
	"libelle" text NOT NULL,
	"validee_le" date NOT NULL,
	"valide_par" uuid,
	"total_cents" bigint NOT NULL,
	"donnees" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contrat_sources" ADD CONSTRAINT "contrat_sources_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_historique" ADD CONSTRAINT "fiche_historique_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiche_historique" ADD CONSTRAINT "fiche_historique_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_porteur_id_users_id_fk" FOREIGN KEY ("porteur_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_orientation_id_orientations_id_fk" FOREIGN KEY ("orientation_id") REFERENCES "public"."orientations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_contrat_lie_id_contrats_lies_id_fk" FOREIGN KEY ("contrat_lie_id") REFERENCES "public"."contrats_lies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financements" ADD CONSTRAINT "financements_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maquette_versions" ADD CONSTRAINT "maquette_versions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maquette_versions" ADD CONSTRAINT "maquette_versions_valide_par_users_id_fk" FOREIGN KEY ("valide_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiche_historique_fiche_idx" ON "fiche_historique" USING btree ("fiche_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "fiches_contrat_numero_key" ON "fiches" USING btree ("contrat_id","numero");--> statement-breakpoint
CREATE INDEX "fiches_contrat_maturite_idx" ON "fiches" USING btree ("contrat_id","maturite");--> statement-breakpoint
CREATE INDEX "fiches_contrat_orientation_idx" ON "fiches" USING btree ("contrat_id","orientation_id");--> statement-breakpoint
CREATE INDEX "fiches_communes_idx" ON "fiches" USING gin ("communes");--> statement-breakpoint
CREATE INDEX "fiches_iso_domaines_idx" ON "fiches" USING gin ("iso_domaines");--> statement-breakpoint
CREATE INDEX "fiches_partage_idx" ON "fiches" USING gin ("partage_avec");--> statement-breakpoint
CREATE INDEX "financements_fiche_idx" ON "financements" USING btree ("fiche_id");--> statement-breakpoint
CREATE INDEX "financements_annee_fiche_idx" ON "financements" USING btree ("annee","fiche_id");--> statement-breakpoint
CREATE INDEX "maquette_versions_contrat_annee_idx" ON "maquette_versions" USING btree ("contrat_id","annee");