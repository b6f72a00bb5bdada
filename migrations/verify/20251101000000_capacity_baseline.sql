-- Verify 20251101000000_capacity_baseline (also the state a rollback of 20251113203000 must restore).
-- The engine runs it in a transaction that is rolled back.
DO $verify$
DECLARE
  v_def text;
  v_missing text;
BEGIN
  SELECT string_agg(t, ', ') INTO v_missing
  FROM unnest(ARRAY['restaurants', 'restaurant_memberships', 'table_inventory', 'table_adjacencies',
                    'bookings', 'table_holds', 'booking_table_assignments',
                    'feature_flag_overrides', 'allocations']) AS t
  WHERE to_regclass('public.' || t) IS NULL
     OR NOT (SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('public.' || t));
  IF v_missing IS NOT NULL THEN
    RAISE EXCEPTION 'verify: tables missing or without row level security: %', v_missing;
  END IF;

  SELECT pg_get_constraintdef(c.oid) INTO v_def
  FROM pg_constraint c
  WHERE c.conrelid = 'public.allocations'::regclass AND c.conname = 'allocations_no_overlap'
    AND c.contype = 'x';
  IF v_def IS DISTINCT FROM 'EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE ((shadow = false))' THEN
    RAISE EXCEPTION 'verify: allocations_no_overlap is %, expected the baseline (resource_id, "window") definition',
      coalesce('"' || v_def || '"', 'missing');
  END IF;
  IF to_regclass('public.allocations_resource_window_idx') IS NULL THEN
    RAISE EXCEPTION 'verify: index public.allocations_resource_window_idx is missing';
  END IF;
  IF to_regprocedure('public.confirm_hold_assignment_tx(uuid, uuid)') IS NULL THEN
    RAISE EXCEPTION 'verify: function public.confirm_hold_assignment_tx(uuid, uuid) (v1) is missing';
  END IF;
  IF to_regprocedure('public.confirm_hold_assignment_tx(uuid, uuid, text, text)') IS NOT NULL THEN
    RAISE EXCEPTION 'verify: the v2 function public.confirm_hold_assignment_tx(uuid, uuid, text, text) is present';
  END IF;
  IF to_regclass('public.booking_confirmation_results') IS NOT NULL THEN
    RAISE EXCEPTION 'verify: table public.booking_confirmation_results is present';
  END IF;
END
$verify$;
