CREATE TABLE "report_results" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"leadership_self" double precision,
	"management_self" double precision,
	"leadership_others" double precision,
	"management_others" double precision,
	"quadrant" text,
	"competencies" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_results" ADD CONSTRAINT "report_results_participant_id_cycle_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."cycle_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_results" ADD CONSTRAINT "report_results_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_results" ADD CONSTRAINT "report_results_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_results" ADD CONSTRAINT "report_results_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_results_tenant_cycle_idx" ON "report_results" USING btree ("tenant_id","cycle_id");--> statement-breakpoint
CREATE INDEX "report_results_person_idx" ON "report_results" USING btree ("person_id");--> statement-breakpoint
-- Backfill from reports released before this table existed.
INSERT INTO "report_results" ("participant_id", "tenant_id", "cycle_id", "person_id", "leadership_self", "management_self", "leadership_others", "management_others", "quadrant", "competencies")
SELECT s."participant_id", s."tenant_id", s."cycle_id", cp."person_id",
       (s."report" #>> '{indices,self,leadership}')::double precision,
       (s."report" #>> '{indices,self,management}')::double precision,
       (s."report" #>> '{indices,allOthers,leadership}')::double precision,
       (s."report" #>> '{indices,allOthers,management}')::double precision,
       s."report" #>> '{indices,allOthers,quadrant}',
       coalesce((SELECT jsonb_object_agg(c ->> 'code', jsonb_build_array(c -> 'self', c -> 'allOthers')) FROM jsonb_array_elements(s."report" -> 'competencies') c), '{}'::jsonb)
  FROM "report_snapshots" s
  JOIN "cycle_participants" cp ON cp."id" = s."participant_id"
ON CONFLICT DO NOTHING;
