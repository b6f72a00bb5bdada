-- Verify 20251113203000_capacity_overlap_and_confirm_cache: raises unless every part is in place.
-- The engine runs it in a transaction that is rolled back.
DO $verify$
DECLARE
  v_def text;
  v_deferrable boolean;
  v_deferred boolean;
  v_missing text;
  v_fn regprocedure;
  v_secdef boolean;
  v_config text[];
BEGIN
  SELECT pg_get_constraintdef(c.oid), c.condeferrable, c.condeferred
    INTO v_def, v_deferrable, v_deferred
  FROM pg_constraint c
  WHERE c.conrelid = 'public.allocations'::regclass AND c.conname = 'allocations_no_overlap'
    AND c.contype = 'x';
  IF v_def IS NULL THEN
    RAISE EXCEPTION 'verify: exclusion constraint public.allocations.allocations_no_overlap is missing';
  END IF;
  IF v_def NOT LIKE 'EXCLUDE USING gist (resource_id WITH =, restaurant_id WITH =, resource_type WITH =, "window" WITH &&) WHERE ((NOT shadow))%' THEN
    RAISE EXCEPTION 'verify: allocations_no_overlap is "%", expected the tenant-partitioned definition', v_def;
  END IF;
  IF NOT v_deferrable OR v_deferred THEN
    RAISE EXCEPTION 'verify: allocations_no_overlap must be DEFERRABLE INITIALLY IMMEDIATE (deferrable %, initially deferred %)',
      v_deferrable, v_deferred;
  END IF;

  IF to_regclass('public.allocations_resource_window_idx') IS NOT NULL THEN
    RAISE EXCEPTION 'verify: index public.allocations_resource_window_idx should have been dropped';
  END IF;

  IF NOT EXISTS (SELECT 1 FROM pg_constraint
                 WHERE conrelid = 'public.feature_flag_overrides'::regclass
                   AND conname = 'feature_flag_overrides_adjacency_mode_check') THEN
    RAISE EXCEPTION 'verify: check constraint feature_flag_overrides_adjacency_mode_check is missing';
  END IF;

  IF to_regclass('public.booking_confirmation_results') IS NULL THEN
    RAISE EXCEPTION 'verify: table public.booking_confirmation_results is missing';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint
                 WHERE conrelid = 'public.booking_confirmation_results'::regclass AND contype = 'u'
                   AND pg_get_constraintdef(oid) = 'UNIQUE (booking_id, idempotency_key)') THEN
    RAISE EXCEPTION 'verify: booking_confirmation_results lacks UNIQUE (booking_id, idempotency_key)';
  END IF;
  IF NOT (SELECT relrowsecurity FROM pg_class WHERE oid = 'public.booking_confirmation_results'::regclass) THEN
    RAISE EXCEPTION 'verify: row level security is not enabled on public.booking_confirmation_results';
  END IF;
  SELECT string_agg(p, ', ') INTO v_missing
  FROM unnest(ARRAY['booking_confirmation_results_service_all',
                    'booking_confirmation_results_member_read']) AS p
  WHERE NOT EXISTS (SELECT 1 FROM pg_policies
                    WHERE schemaname = 'public' AND tablename = 'booking_confirmation_results'
                      AND policyname = p);
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION 'verify: policies missing on public.booking_confirmation_results: %', v_missing;
  END IF;
  IF has_table_privilege('anon', 'public.booking_confirmation_results', 'SELECT')
     OR has_table_privilege('authenticated', 'public.booking_confirmation_results', 'INSERT,UPDATE,DELETE') THEN
    RAISE EXCEPTION 'verify: anon may read or authenticated may write public.booking_confirmation_results';
  END IF;

  v_fn := to_regprocedure('public.confirm_hold_assignment_tx(uuid, uuid, text, text)');
  IF v_fn IS NULL THEN
    RAISE EXCEPTION 'verify: function public.confirm_hold_assignment_tx(uuid, uuid, text, text) is missing';
  END IF;
  IF to_regprocedure('public.confirm_hold_assignment_tx(uuid, uuid)') IS NOT NULL THEN
    RAISE EXCEPTION 'verify: the v1 function public.confirm_hold_assignment_tx(uuid, uuid) is still there';
  END IF;
  SELECT prosecdef, proconfig INTO v_secdef, v_config FROM pg_proc WHERE oid = v_fn;
  IF v_secdef AND NOT EXISTS (SELECT 1 FROM unnest(v_config) AS s WHERE s LIKE 'search_path=%') THEN
    RAISE EXCEPTION 'verify: SECURITY DEFINER function % has no pinned search_path', v_fn;
  END IF;
  IF has_function_privilege('anon', v_fn, 'EXECUTE') THEN
    RAISE EXCEPTION 'verify: anon may execute %', v_fn;
  END IF;
END
$verify$;
