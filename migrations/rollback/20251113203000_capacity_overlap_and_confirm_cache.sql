-- Rollback of 20251113203000_capacity_overlap_and_confirm_cache: the exact inverse, in reverse order.
-- The engine runs this file in one transaction; it holds no BEGIN/COMMIT of its own.
-- btree_gist stays: the baseline's constraint needs it too (the migration only ensured it).
-- Re-adding the old constraint fails with 23P01 if, since the migration, one resource_id got live
-- overlapping rows in two restaurants or types (allowed by the new constraint, not by the old).

DROP FUNCTION public.confirm_hold_assignment_tx(uuid, uuid, text, text);

DROP TABLE public.booking_confirmation_results;

ALTER TABLE public.feature_flag_overrides DROP CONSTRAINT feature_flag_overrides_adjacency_mode_check;

ALTER TABLE public.allocations DROP CONSTRAINT allocations_no_overlap;
ALTER TABLE public.allocations
  ADD CONSTRAINT allocations_no_overlap
  EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (shadow = false);
CREATE INDEX allocations_resource_window_idx ON public.allocations USING gist (resource_id, "window");

-- v1: a hold becomes allocations (one per table) and assignments, atomically; the hold is consumed
-- and the booking confirmed. An overlap raises 23P01 to the caller. Runs as the owner, so the
-- search_path is pinned and every name is qualified; only the service role may call it.
CREATE FUNCTION public.confirm_hold_assignment_tx(p_hold_id uuid, p_booking_id uuid)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $fn$
DECLARE
  v_hold public.table_holds%ROWTYPE;
  v_allocation_ids uuid[];
BEGIN
  SELECT * INTO v_hold FROM public.table_holds h WHERE h.id = p_hold_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'hold % not found', p_hold_id USING ERRCODE = 'P0002';
  END IF;
  IF v_hold.booking_id IS DISTINCT FROM p_booking_id THEN
    RAISE EXCEPTION 'hold % belongs to booking %, not %', p_hold_id, v_hold.booking_id, p_booking_id
      USING ERRCODE = '22023';
  END IF;
  IF v_hold.expires_at <= now() THEN
    RAISE EXCEPTION 'hold % expired at %', p_hold_id, v_hold.expires_at USING ERRCODE = '22023';
  END IF;

  WITH inserted AS (
    INSERT INTO public.allocations (restaurant_id, booking_id, resource_type, resource_id, "window")
    SELECT v_hold.restaurant_id, p_booking_id, 'table', t.table_id, v_hold."window"
    FROM (SELECT DISTINCT unnest(v_hold.table_ids) AS table_id) t
    RETURNING id, resource_id
  ), assigned AS (
    INSERT INTO public.booking_table_assignments (restaurant_id, booking_id, table_id, allocation_id)
    SELECT v_hold.restaurant_id, p_booking_id, i.resource_id, i.id FROM inserted i
    RETURNING allocation_id
  )
  SELECT array_agg(allocation_id ORDER BY allocation_id) INTO v_allocation_ids FROM assigned;

  UPDATE public.bookings b SET status = 'confirmed' WHERE b.id = p_booking_id;
  DELETE FROM public.table_holds h WHERE h.id = p_hold_id;

  RETURN jsonb_build_object(
    'status', 'confirmed',
    'booking_id', p_booking_id,
    'hold_id', p_hold_id,
    'table_ids', to_jsonb(v_hold.table_ids),
    'allocation_ids', to_jsonb(v_allocation_ids)
  );
END
$fn$;

REVOKE ALL ON FUNCTION public.confirm_hold_assignment_tx(uuid, uuid) FROM PUBLIC, anon, authenticated;
GRANT EXECUTE ON FUNCTION public.confirm_hold_assignment_tx(uuid, uuid) TO service_role;
