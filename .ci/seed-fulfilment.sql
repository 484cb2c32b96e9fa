-- Service records at national scale for the fulfilment benchmark (issue 15, ADR 034, docs/performance.md), after
-- .ci/seed-scale.sql (100,000 agreements in force in 绍兴市). Each SC- agreement gets five monthly items (2, 2, 3, 1
-- and 2 次/月), a plan line per item for each of the 12 months before this one, and about 11 million service records:
-- every agreed delivery, except one short in about one line in seven; 85% confirmed, 10% pending, 5% disputed.
-- Run as a superuser on a throwaway database: psql -v ON_ERROR_STOP=1 -f seed-fulfilment.sql
--
-- Set-based on purpose: the record and line triggers are disabled for the bulk insert, and the totals are then filled
-- in three GROUP BY statements from what was inserted, which is what the triggers would have added one row at a time.
-- The plan lines are written here by the generator (monthly items over whole months: agreed = frequency, the same
-- numbers ServicePlan.Of gives); the application writes them from ServicePlan.Of only.
\timing on
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE t AS SELECT id FROM tenants WHERE slug = 'shaoxing';
CREATE TEMP TABLE months AS
SELECT (date_trunc('month', current_date) - make_interval(months => g))::date AS m FROM generate_series(1, 12) g;
SELECT service_records_ensure_partition(m) FROM months;
SELECT service_records_ensure_partition(current_date);

CREATE TEMP TABLE a AS
SELECT a.id, a.elder_care_institution_id AS ec, e.county_id AS ec_county, a.medical_institution_id AS med, m.county_id AS med_county,
    row_number() OVER (ORDER BY a.id) AS n
FROM agreements a JOIN elder_care_institutions e ON e.id = a.elder_care_institution_id
    JOIN medical_institutions m ON m.id = a.medical_institution_id
WHERE a.document_number LIKE 'SC-%';

-- Five monthly items per agreement, copied from a demo item so that every required column has a sensible value.
CREATE TEMP TABLE tpl AS SELECT * FROM agreement_items WHERE review_state <> 'Rejected' ORDER BY id LIMIT 1;
CREATE TEMP TABLE items AS
SELECT gen_random_uuid() AS id, a.id AS agreement_id, k, (ARRAY[2, 2, 3, 1, 2])[k + 1] AS frequency FROM a CROSS JOIN generate_series(0, 4) k;
INSERT INTO agreement_items
SELECT (jsonb_populate_record(NULL::agreement_items, to_jsonb(tpl) || jsonb_build_object(
    'id', i.id, 'agreement_id', i.agreement_id, 'frequency', i.frequency, 'unit', 'TimesPerMonth', 'clause', NULL,
    'name', (ARRAY['巡诊', '健康讲座', '慢病随访', '中医药服务', '康复指导'])[i.k + 1]))).*
FROM items i CROSS JOIN tpl;

-- The staff who deliver: one intermediate doctor per medical institution that has an SC agreement.
CREATE TEMP TABLE staff AS SELECT gen_random_uuid() AS id, med FROM (SELECT DISTINCT med FROM a) x;
INSERT INTO staff_members (id, tenant_id, medical_institution_id, name, title, is_active)
SELECT id, (SELECT id FROM t), med, '测试医师', 'Intermediate', true FROM staff;
CREATE TEMP TABLE recorder AS SELECT id FROM users WHERE user_name = 'staff@shaoxing.demo';

ALTER TABLE service_records DISABLE TRIGGER service_records_track_fulfilment;
ALTER TABLE fulfilment_totals DISABLE TRIGGER fulfilment_totals_track_months;

-- The records: the j-th delivery of a line on day 1 + 9j; a line in seven (by hash) one short.
INSERT INTO service_records (id, service_date, tenant_id, agreement_id, agreement_item_id, item_name, staff_member_id, staff_name,
    staff_title, residents_served, duration_minutes, status, recorded_at_utc, recorded_by_user_id, answered_at_utc, answered_by_user_id,
    dispute_reason)
SELECT gen_random_uuid(), d.day, (SELECT id FROM t), i.agreement_id, i.id, '巡诊', s.id, '测试医师', 'Intermediate', 10, 60,
    st.status, d.day + time '17:00', (SELECT id FROM recorder),
    CASE WHEN st.status <> 'Pending' THEN d.day + time '20:00' END, CASE WHEN st.status <> 'Pending' THEN (SELECT id FROM recorder) END,
    CASE WHEN st.status = 'Disputed' THEN '人数不符' END
FROM items i
    JOIN a ON a.id = i.agreement_id
    JOIN staff s ON s.med = a.med
    CROSS JOIN months mo
    CROSS JOIN LATERAL generate_series(0, i.frequency - 1 - CASE WHEN abs(hashtext(i.id::text || mo.m)) % 7 = 0 THEN 1 ELSE 0 END) j
    CROSS JOIN LATERAL (SELECT mo.m + 9 * j AS day) d
    CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashtext(i.id::text || d.day)) % 20 = 0 THEN 'Disputed'
                                    WHEN abs(hashtext(i.id::text || d.day)) % 20 < 3 THEN 'Pending' ELSE 'Confirmed' END AS status) st;

-- Plan lines, with their counts from the records just inserted.
INSERT INTO fulfilment_totals (tenant_id, agreement_id, agreement_item_id, period_start, period_end, measure, elder_care_institution_id,
    elder_care_county_id, medical_institution_id, medical_county_id, agreed, confirmed, pending, disputed)
SELECT (SELECT id FROM t), i.agreement_id, i.id, mo.m, (mo.m + interval '1 month - 1 day')::date, 'Deliveries', a.ec, a.ec_county, a.med,
    a.med_county, i.frequency, coalesce(r.confirmed, 0), coalesce(r.pending, 0), coalesce(r.disputed, 0)
FROM items i JOIN a ON a.id = i.agreement_id CROSS JOIN months mo
    LEFT JOIN (SELECT agreement_item_id, date_trunc('month', service_date)::date AS m,
                   count(*) FILTER (WHERE status = 'Confirmed') AS confirmed, count(*) FILTER (WHERE status = 'Pending') AS pending,
                   count(*) FILTER (WHERE status = 'Disputed') AS disputed
               FROM service_records WHERE agreement_id IN (SELECT id FROM a) GROUP BY 1, 2) r
        ON r.agreement_item_id = i.id AND r.m = mo.m;

UPDATE fulfilment_totals l SET previous_short = true
FROM fulfilment_totals p
WHERE p.agreement_item_id = l.agreement_item_id AND p.period_end + 1 = l.period_start AND p.confirmed < p.agreed
    AND l.agreement_id IN (SELECT id FROM a);

INSERT INTO fulfilment_institution_totals (tenant_id, side, county_id, month, institution_id, lines, short_lines, agreed, delivered,
    confirmed, pending, disputed)
SELECT l.tenant_id, s.side, s.county_id, date_trunc('month', l.period_end)::date, s.institution_id, count(*),
    count(*) FILTER (WHERE l.confirmed < l.agreed), sum(l.agreed), sum(least(l.confirmed, l.agreed)), sum(l.confirmed), sum(l.pending),
    sum(l.disputed)
FROM fulfilment_totals l
    CROSS JOIN LATERAL (VALUES ('ElderCare', l.elder_care_county_id, l.elder_care_institution_id),
                               ('Medical', l.medical_county_id, l.medical_institution_id)) s (side, county_id, institution_id)
WHERE l.agreement_id IN (SELECT id FROM a)
GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (tenant_id, side, county_id, month, institution_id) DO UPDATE SET
    lines = fulfilment_institution_totals.lines + excluded.lines,
    short_lines = fulfilment_institution_totals.short_lines + excluded.short_lines,
    agreed = fulfilment_institution_totals.agreed + excluded.agreed, delivered = fulfilment_institution_totals.delivered + excluded.delivered,
    confirmed = fulfilment_institution_totals.confirmed + excluded.confirmed, pending = fulfilment_institution_totals.pending + excluded.pending,
    disputed = fulfilment_institution_totals.disputed + excluded.disputed;

INSERT INTO fulfilment_county_totals AS c (tenant_id, side, county_id, month, lines, short_lines, agreed, delivered, confirmed, pending,
    disputed)
SELECT l.tenant_id, s.side, s.county_id, date_trunc('month', l.period_end)::date, count(*),
    count(*) FILTER (WHERE l.confirmed < l.agreed), sum(l.agreed), sum(least(l.confirmed, l.agreed)), sum(l.confirmed), sum(l.pending),
    sum(l.disputed)
FROM fulfilment_totals l
    CROSS JOIN LATERAL (VALUES ('ElderCare', l.elder_care_county_id), ('Medical', l.medical_county_id)) s (side, county_id)
WHERE l.agreement_id IN (SELECT id FROM a)
GROUP BY 1, 2, 3, 4
ON CONFLICT (tenant_id, side, county_id, month) DO UPDATE SET
    lines = c.lines + excluded.lines, short_lines = c.short_lines + excluded.short_lines, agreed = c.agreed + excluded.agreed,
    delivered = c.delivered + excluded.delivered, confirmed = c.confirmed + excluded.confirmed, pending = c.pending + excluded.pending,
    disputed = c.disputed + excluded.disputed;

ALTER TABLE service_records ENABLE TRIGGER service_records_track_fulfilment;
ALTER TABLE fulfilment_totals ENABLE TRIGGER fulfilment_totals_track_months;
COMMIT;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM service_records) AS service_records, (SELECT count(*) FROM fulfilment_totals) AS plan_lines,
       (SELECT count(*) FROM fulfilment_institution_totals) AS institution_months, (SELECT count(*) FROM fulfilment_county_totals) AS county_months,
       (SELECT count(*) FROM pg_inherits WHERE inhparent = 'service_records'::regclass) AS partitions;
