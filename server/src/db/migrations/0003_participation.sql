CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"user_id" uuid,
	"categorie" text NOT NULL,
	"type" text NOT NULL,
	"sujet_type" text NOT NULL,
	"sujet_id" text NOT NULL,
	"phase_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evenements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"type" text NOT NULL,
	"titre" text NOT NULL,
	"date" date NOT NULL,
	"heure" text,
	"lieu" text DEFAULT '' NOT NULL,
	"organisateur" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contrat_id" uuid NOT NULL,
	"type" text NOT NULL,
	"libelle" text DEFAULT '' NOT NULL,
	"ordre" integer NOT NULL,
	"date_debut" date,
	"date_fin" date,
	"propositions" boolean DEFAULT false NOT NULL,
	"commentaires" boolean DEFAULT false NOT NULL,
	"consultations" boolean DEFAULT false NOT NULL,
	"courante_manuelle" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evenement_id" uuid NOT NULL,
	"user_id" uuid,
	"nom" text NOT NULL,
	"categorie" text NOT NULL,
	"ordre" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presences_comptees" (
	"evenement_id" uuid NOT NULL,
	"categorie" text NOT NULL,
	"nombre" integer NOT NULL,
	CONSTRAINT "presences_comptees_evenement_id_categorie_pk" PRIMARY KEY("evenement_id","categorie")
);
--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements" ADD CONSTRAINT "evenements_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements" ADD CONSTRAINT "evenements_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements" ADD CONSTRAINT "evenements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_contrat_id_contrats_id_fk" FOREIGN KEY ("contrat_id") REFERENCES "public"."contrats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presences" ADD CONSTRAINT "presences_evenement_id_evenements_id_fk" FOREIGN KEY ("evenement_id") REFERENCES "public"."evenements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presences" ADD CONSTRAINT "presences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presences_comptees" ADD CONSTRAINT "presences_comptees_evenement_id_evenements_id_fk" FOREIGN KEY ("evenement_id") REFERENCES "public"."evenements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contributions_contrat_phase_idx" ON "contributions" USING btree ("contrat_id","phase_id");--> statement-breakpoint
CREATE INDEX "evenements_contrat_date_idx" ON "evenements" USING btree ("contrat_id","date");--> statement-breakpoint
CREATE INDEX "evenements_phase_idx" ON "evenements" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "phases_contrat_idx" ON "phases" USING btree ("contrat_id","ordre");--> statement-breakpoint
CREATE UNIQUE INDEX "phases_courante_manuelle_key" ON "phases" USING btree ("contrat_id") WHERE courante_manuelle;--> statement-breakpoint
CREATE INDEX "presences_evenement_idx" ON "presences" USING btree ("evenement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "presences_evenement_user_key" ON "presences" USING btree ("evenement_id","user_id") WHERE user_id IS NOT NULL;