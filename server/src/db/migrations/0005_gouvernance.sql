CREATE TABLE "avenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"numero" integer NOT NULL,
	"objet" text NOT NULL,
	"signe_le" date,
	"signe_par" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"seance_id" uuid NOT NULL,
	"type" text NOT NULL,
	"avis" text,
	"mesure" text,
	"objet" text,
	"texte" text DEFAULT '' NOT NULL,
	"fiche_id" uuid,
	"fiche_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"orientation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"maquette_version_id" uuid,
	"changements" jsonb,
	"avenant_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_membres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"user_id" uuid,
	"nom" text NOT NULL,
	"email" text,
	"categorie" text NOT NULL,
	"depuis" date NOT NULL,
	"jusqu_a" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"type" text NOT NULL,
	"nom" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ordre_du_jour" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seance_id" uuid NOT NULL,
	"ordre" integer NOT NULL,
	"titre" text NOT NULL,
	"fiche_id" uuid,
	"proposition_id" uuid,
	"maquette_version_id" uuid
);
--> statement-breakpoint
CREATE TABLE "seances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"date" date NOT NULL,
	"heure" text,
	"lieu" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'prevue' NOT NULL,
	"evenement_id" uuid,
	"convoquee_le" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "avenant_id" uuid;--> statement-breakpoint
ALTER TABLE "avenants" ADD CONSTRAINT "avenants_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avenants" ADD CONSTRAINT "avenants_signe_par_users_id_fk" FOREIGN KEY ("signe_par") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "avenants" ADD CONSTRAINT "avenants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_seance_id_seances_id_fk" FOREIGN KEY ("seance_id") REFERENCES "public"."seances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_maquette_version_id_maquette_versions_id_fk" FOREIGN KEY ("maquette_version_id") REFERENCES "public"."maquette_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_avenant_id_avenants_id_fk" FOREIGN KEY ("avenant_id") REFERENCES "public"."avenants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_membres" ADD CONSTRAINT "instance_membres_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_membres" ADD CONSTRAINT "instance_membres_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordre_du_jour" ADD CONSTRAINT "ordre_du_jour_seance_id_seances_id_fk" FOREIGN KEY ("seance_id") REFERENCES "public"."seances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordre_du_jour" ADD CONSTRAINT "ordre_du_jour_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordre_du_jour" ADD CONSTRAINT "ordre_du_jour_proposition_id_propositions_id_fk" FOREIGN KEY ("proposition_id") REFERENCES "public"."propositions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordre_du_jour" ADD CONSTRAINT "ordre_du_jour_maquette_version_id_maquette_versions_id_fk" FOREIGN KEY ("maquette_version_id") REFERENCES "public"."maquette_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_evenement_id_evenements_id_fk" FOREIGN KEY ("evenement_id") REFERENCES "public"."evenements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances" ADD CONSTRAINT "seances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "avenants_contrat_numero_key" ON "avenants" USING btree ("contrat_id","numero");--> statement-breakpoint
CREATE INDEX "decisions_seance_idx" ON "decisions" USING btree ("seance_id","created_at");--> statement-breakpoint
CREATE INDEX "decisions_fiche_idx" ON "decisions" USING btree ("fiche_id");--> statement-breakpoint
CREATE INDEX "decisions_fiche_ids_idx" ON "decisions" USING gin ("fiche_ids");--> statement-breakpoint
CREATE INDEX "decisions_avenant_idx" ON "decisions" USING btree ("avenant_id");--> statement-breakpoint
CREATE INDEX "instance_membres_instance_idx" ON "instance_membres" USING btree ("instance_id","depuis");--> statement-breakpoint
CREATE UNIQUE INDEX "instance_membres_user_en_fonction_key" ON "instance_membres" USING btree ("instance_id","user_id") WHERE jusqu_a IS NULL AND user_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "instance_membres_email_en_fonction_key" ON "instance_membres" USING btree ("instance_id","email") WHERE jusqu_a IS NULL AND user_id IS NULL;--> statement-breakpoint
CREATE INDEX "instances_contrat_idx" ON "instances" USING btree ("contrat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ordre_du_jour_seance_ordre_key" ON "ordre_du_jour" USING btree ("seance_id","ordre");--> statement-breakpoint
CREATE INDEX "seances_contrat_date_idx" ON "seances" USING btree ("contrat_id","date");--> statement-breakpoint
CREATE INDEX "seances_instance_idx" ON "seances" USING btree ("instance_id");--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_avenant_id_avenants_id_fk" FOREIGN KEY ("avenant_id") REFERENCES "public"."avenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_versions_avenant_idx" ON "document_versions" USING btree ("avenant_id");--> statement-breakpoint
-- A version frozen by a signed avenant is never renamed, rewritten, unfrozen or deleted while its
-- avenant exists (deleting the whole contract removes the avenant, and then its versions).
CREATE FUNCTION document_versions_gel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.avenant_id IS NOT NULL AND EXISTS (SELECT 1 FROM avenants WHERE id = OLD.avenant_id) THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'version % figée par un avenant : suppression refusée', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.name IS DISTINCT FROM OLD.name OR NEW.nom IS DISTINCT FROM OLD.nom
      OR NEW.state IS DISTINCT FROM OLD.state OR NEW.avenant_id IS DISTINCT FROM OLD.avenant_id THEN
      RAISE EXCEPTION 'version % figée par un avenant : modification refusée', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER document_versions_gel BEFORE UPDATE OR DELETE ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION document_versions_gel();
