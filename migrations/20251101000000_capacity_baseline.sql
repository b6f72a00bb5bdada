-- Capacity model baseline: the production schema before 20251113203000_capacity_overlap_and_confirm_cache.
-- The engine runs this file in one transaction; it holds no BEGIN/COMMIT of its own.
-- Objects are schema-qualified so the file does not depend on the caller's search_path.

-- The old overlap constraint puts a uuid column in a gist index, which needs btree_gist.
-- Supabase keeps extensions in their own schema; operator classes are found by type, not by
-- search_path, so the gist build below also works with search_path = public.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;

CREATE TABLE public.restaurants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  timezone text NOT NULL DEFAULT 'UTC',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- user_id is auth.users.id on Supabase; no foreign key so the schema also loads without auth.users.
CREATE TABLE public.restaurant_memberships (
  user_id uuid NOT NULL,
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'host', 'staff')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, restaurant_id)
);
CREATE INDEX restaurant_memberships_restaurant_idx ON public.restaurant_memberships (restaurant_id);

CREATE TABLE public.table_inventory (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  table_number text NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (restaurant_id, table_number),
  -- target of the composite foreign keys that keep adjacencies inside one restaurant
  UNIQUE (restaurant_id, id)
);

-- Undirected: each pair is stored once, smaller id first.
CREATE TABLE public.table_adjacencies (
  restaurant_id uuid NOT NULL,
  table_a uuid NOT NULL,
  table_b uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (restaurant_id, table_a, table_b),
  CHECK (table_a < table_b),
  FOREIGN KEY (restaurant_id, table_a) REFERENCES public.table_inventory (restaurant_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (restaurant_id, table_b) REFERENCES public.table_inventory (restaurant_id, id)
    ON DELETE CASCADE
);
CREATE INDEX table_adjacencies_table_b_idx ON public.table_adjacencies (restaurant_id, table_b);

CREATE TABLE public.bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  customer_name text NOT NULL DEFAULT '',
  party_size integer NOT NULL CHECK (party_size > 0),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at > start_at),
  UNIQUE (restaurant_id, id)
);
CREATE INDEX bookings_restaurant_start_idx ON public.bookings (restaurant_id, start_at);

CREATE TABLE public.table_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  booking_id uuid,
  table_ids uuid[] NOT NULL CHECK (cardinality(table_ids) > 0),
  "window" tstzrange NOT NULL CHECK (NOT isempty("window")),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id)
    ON DELETE CASCADE
);
CREATE INDEX table_holds_restaurant_expires_idx ON public.table_holds (restaurant_id, expires_at);
CREATE INDEX table_holds_booking_idx ON public.table_holds (booking_id);

CREATE TABLE public.allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  booking_id uuid,
  resource_type text NOT NULL CHECK (resource_type IN ('table', 'merge_group')),
  resource_id uuid NOT NULL,
  "window" tstzrange NOT NULL CHECK (NOT isempty("window")),
  shadow boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id)
    ON DELETE CASCADE,
  -- The old constraint: one live allocation per resource and time, whatever the tenant or type.
  CONSTRAINT allocations_no_overlap
    EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (shadow = false)
);
CREATE INDEX allocations_resource_window_idx ON public.allocations USING gist (resource_id, "window");
CREATE INDEX allocations_booking_idx ON public.allocations (booking_id);

CREATE TABLE public.booking_table_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL,
  booking_id uuid NOT NULL,
  table_id uuid NOT NULL,
  allocation_id uuid REFERENCES public.allocations (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (booking_id, table_id),
  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (restaurant_id, table_id) REFERENCES public.table_inventory (restaurant_id, id)
    ON DELETE CASCADE
);
CREATE INDEX booking_table_assignments_table_idx
  ON public.booking_table_assignments (restaurant_id, table_id);
CREATE INDEX booking_table_assignments_allocation_idx
  ON public.booking_table_assignments (allocation_id);

CREATE TABLE public.feature_flag_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  flag_key text NOT NULL,
  flag_value text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (restaurant_id, flag_key)
);

-- Row level security: members read their restaurant's rows, service_role everything, anon nothing.
-- Memberships are readable by their own user only: a policy on memberships that queried memberships
-- would recurse.
ALTER TABLE public.restaurants ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.restaurant_memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.table_inventory ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.table_adjacencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.table_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.booking_table_assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.feature_flag_overrides ENABLE ROW LEVEL SECURITY;

REVOKE ALL ON public.restaurants, public.restaurant_memberships, public.table_inventory,
  public.table_adjacencies, public.bookings, public.table_holds, public.allocations,
  public.booking_table_assignments, public.feature_flag_overrides FROM PUBLIC, anon, authenticated;
GRANT SELECT ON public.restaurants, public.restaurant_memberships, public.table_inventory,
  public.table_adjacencies, public.bookings, public.table_holds, public.allocations,
  public.booking_table_assignments, public.feature_flag_overrides TO authenticated;
GRANT ALL ON public.restaurants, public.restaurant_memberships, public.table_inventory,
  public.table_adjacencies, public.bookings, public.table_holds, public.allocations,
  public.booking_table_assignments, public.feature_flag_overrides TO service_role;

CREATE POLICY restaurant_memberships_read_own ON public.restaurant_memberships
  FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
CREATE POLICY restaurant_memberships_service_all ON public.restaurant_memberships
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY restaurants_member_read ON public.restaurants
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = restaurants.id AND m.user_id = (SELECT auth.uid())));
CREATE POLICY restaurants_service_all ON public.restaurants
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY table_inventory_member_read ON public.table_inventory
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = table_inventory.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY table_inventory_service_all ON public.table_inventory
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY table_adjacencies_member_read ON public.table_adjacencies
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = table_adjacencies.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY table_adjacencies_service_all ON public.table_adjacencies
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY bookings_member_read ON public.bookings
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = bookings.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY bookings_service_all ON public.bookings
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY table_holds_member_read ON public.table_holds
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = table_holds.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY table_holds_service_all ON public.table_holds
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY allocations_member_read ON public.allocations
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = allocations.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY allocations_service_all ON public.allocations
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY booking_table_assignments_member_read ON public.booking_table_assignments
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = booking_table_assignments.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY booking_table_assignments_service_all ON public.booking_table_assignments
  FOR ALL TO service_role USING (true) WITH CHECK (true);

CREATE POLICY feature_flag_overrides_member_read ON public.feature_flag_overrides
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = feature_flag_overrides.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));
CREATE POLICY feature_flag_overrides_service_all ON public.feature_flag_overrides
  FOR ALL TO service_role USING (true) WITH CHECK (true);

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
