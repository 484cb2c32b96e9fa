-- National-scale data for the regulator dashboard benchmark (issue 6, docs/performance.md): in tenant 绍兴市, top up
-- to 40,000 elder-care institutions and 100,000 medical institutions, then 100,000 effective agreements with their
-- filings (民政 + 卫健 of the elder-care county, plus 卫健 of the medical county when it differs) in every state.
-- Run as a superuser (row-level security is FORCEd) on a throwaway database: psql -v ON_ERROR_STOP=1 -f seed-scale.sql
-- Idempotent enough to re-run: it only adds what is missing (by SC-prefixed names and document numbers).
\timing on
BEGIN;
CREATE TEMP TABLE t AS SELECT id FROM tenants WHERE slug = 'shaoxing';
CREATE TEMP TABLE c AS SELECT id, row_number() OVER (ORDER BY division_code) - 1 AS n FROM counties WHERE tenant_id = (SELECT id FROM t);

INSERT INTO elder_care_institutions (id, tenant_id, county_id, name, kind, address, beds, residents,
    has_internal_medical_institution, is_active, registration_number)
SELECT gen_random_uuid(), (SELECT id FROM t), (SELECT id FROM c WHERE n = g % 6),
    'SC养老机构' || g, CASE WHEN g % 10 < 7 THEN 'NursingHome' WHEN g % 10 < 9 THEN 'CommunityHomeCare' ELSE 'DayCare' END,
    '绍兴市测试路 ' || g || ' 号', 20 + g % 180, CASE WHEN g % 10 < 7 THEN g % 150 ELSE 0 END, g % 4 = 0, g % 50 <> 0,
    'SCYL' || g
FROM generate_series(1, 40000 - (SELECT count(*) FROM elder_care_institutions WHERE tenant_id = (SELECT id FROM t))) g;

INSERT INTO medical_institutions (id, tenant_id, county_id, name, kind, grade, address, has_tcm_qualification,
    is_medical_insurance_designated, is_active, license_number)
SELECT gen_random_uuid(), (SELECT id FROM t), (SELECT id FROM c WHERE n = g % 6), 'SC医疗机构' || g,
    (ARRAY['GeneralHospital','TcmHospital','CommunityHealthCenter','TownshipHealthCenter','VillageClinic'])[1 + g % 5],
    (ARRAY['Ungraded','Level1','Level2','Level3','Level1'])[1 + g % 5], '绍兴市测试街 ' || g || ' 号', g % 3 = 0, true, true,
    'SCYY' || g
FROM generate_series(1, 100000 - (SELECT count(*) FROM medical_institutions WHERE tenant_id = (SELECT id FROM t))) g;

CREATE TEMP TABLE ec AS SELECT id, county_id, row_number() OVER (ORDER BY id) AS n FROM elder_care_institutions
    WHERE tenant_id = (SELECT id FROM t) AND is_active;
CREATE TEMP TABLE med AS SELECT id, county_id, row_number() OVER (ORDER BY id) AS n FROM medical_institutions
    WHERE tenant_id = (SELECT id FROM t) AND is_active;
CREATE TEMP TABLE creator AS SELECT id FROM users WHERE user_name = 'staff@shaoxing.demo';

-- 100,000 agreements over 30,000 elder-care institutions (three quarters of them sign), signed over the last year.
CREATE TEMP TABLE a AS
SELECT gen_random_uuid() AS id, e.id AS ec_id, e.county_id AS ec_county, m.id AS med_id, m.county_id AS med_county,
    'SC-' || lpad(g::text, 6, '0') AS number, now() - make_interval(days => g % 365, mins => g % 1440) AS signed
FROM generate_series(1, 100000) g
JOIN ec e ON e.n = 1 + (g::bigint * 7919) % 30000
JOIN med m ON m.n = 1 + (g::bigint * 104729) % (SELECT count(*) FROM med);
DELETE FROM a WHERE number IN (SELECT document_number FROM agreements);

INSERT INTO agreements (id, tenant_id, elder_care_institution_id, medical_institution_id, template, status, document_number,
    terms, review_round, created_at_utc, created_by_user_id, submitted_at_utc, effective_at_utc)
SELECT id, (SELECT id FROM t), ec_id, med_id, 'ProjectCooperation', 'Effective', number, '{}'::jsonb, 1,
    signed - interval '3 days', (SELECT id FROM creator), signed - interval '2 days', signed
FROM a;

-- Filings: due one month after the Beijing signing day; states spread by number, older ones mostly settled.
CREATE TEMP TABLE f AS
SELECT a.id AS agreement_id, b.bureau, b.county_id, a.signed,
    ((a.signed AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month')::date AS due, hashtext(a.number || b.bureau || b.county_id) AS h
FROM a CROSS JOIN LATERAL (
    SELECT 'CivilAffairs', a.ec_county UNION ALL SELECT 'Health', a.ec_county
    UNION ALL SELECT 'Health', a.med_county WHERE a.med_county <> a.ec_county) b(bureau, county_id);

INSERT INTO filings (id, tenant_id, agreement_id, bureau, county_id, signed_at_utc, due_date, status, first_submitted_at_utc, reviewed_at_utc, return_reason)
SELECT gen_random_uuid(), (SELECT id FROM t), agreement_id, bureau, county_id, signed, due,
    s.status,
    CASE WHEN s.status <> 'Pending' THEN signed + make_interval(days => abs(h) % 40) END,
    CASE WHEN s.status IN ('Accepted', 'Returned') THEN signed + make_interval(days => abs(h) % 40 + 3) END,
    CASE WHEN s.status = 'Returned' THEN '请补充加盖公章的扫描件。' END
FROM f CROSS JOIN LATERAL (SELECT CASE
        WHEN due >= current_date THEN (ARRAY['Pending','Pending','Submitted','Accepted'])[1 + abs(h) % 4]
        ELSE (ARRAY['Accepted','Accepted','Accepted','Accepted','Accepted','Submitted','Returned','Pending'])[1 + abs(h) % 8]
    END AS status) s;
COMMIT;
-- What autovacuum does on a live system: statistics and the visibility map (index-only scans).
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM elder_care_institutions) AS elder_care, (SELECT count(*) FROM medical_institutions) AS medical,
       (SELECT count(*) FROM agreements) AS agreements, (SELECT count(*) FROM filings) AS filings;
