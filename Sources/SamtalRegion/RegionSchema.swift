// The regional schema in the county's PostgreSQL: its own versioned
// migrations (`samtal_region.region_schema_version`), the group roles, and
// row-level security.
//
// Roles: `samtal_municipality` and `samtal_county` are group roles without
// login; each municipality logs in with a role of its own that is a member
// of `samtal_municipality`, the county with one in `samtal_county`.
// A municipality's role claims its store's UUID the first time it
// publishes (a row in `municipalities` with `role = current_user`); from
// then on it alone may insert, change or delete that store's rows. The
// county reads everything; a municipality reads the others' rows only
// while `settings.municipalities_read_others` is true.

import Foundation

public enum RegionSchema {
    public static let schema = "samtal_region"
    public static let municipalityGroup = "samtal_municipality"
    public static let countyGroup = "samtal_county"
    /// The channel `samtal publish` notifies (payload: the store's UUID).
    public static let channel = "samtal_region"

    /// Every migration, in order; never edited once shipped.
    public static let migrations: [(version: Int, sql: String)] = [(1, v1), (2, v2)]
    public static var latest: Int { migrations.last!.version }

    static let dataTables = ["cycles", "ratings", "quality_answers", "promises", "activities", "follow_ups"]

    static let v1: String = {
        let s = schema
        var sql = """
        CREATE TABLE \(s).settings (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            municipalities_read_others boolean NOT NULL DEFAULT false
        );
        INSERT INTO \(s).settings DEFAULT VALUES;
        CREATE TABLE \(s).municipalities (
            store_id uuid PRIMARY KEY,
            name text NOT NULL,
            role name NOT NULL DEFAULT current_user,
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE \(s).cycles (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            area text NOT NULL, period text NOT NULL, period_first text, period_last text,
            retired boolean NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );
        CREATE TABLE \(s).ratings (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            cycle_id text NOT NULL, meeting_id text NOT NULL, report_date text, period text,
            step_id text NOT NULL, step_number integer NOT NULL, step_title text NOT NULL, question_index integer NOT NULL, question text NOT NULL,
            scale text NOT NULL, value text, meaning text, observations text, comment text,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );
        CREATE TABLE \(s).quality_answers (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            cycle_id text NOT NULL, number integer NOT NULL CHECK (number BETWEEN 1 AND 15),
            verdict text NOT NULL, level text, evidence_count integer NOT NULL, evidence text,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );
        CREATE TABLE \(s).promises (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            cycle_id text NOT NULL, title text NOT NULL, draft boolean NOT NULL, text text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );
        CREATE TABLE \(s).activities (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            cycle_id text NOT NULL, number integer NOT NULL, promised boolean NOT NULL, what text, organisation text,
            start_date text, end_date text, status text NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );
        CREATE TABLE \(s).follow_ups (
            store_id uuid NOT NULL REFERENCES \(s).municipalities ON DELETE CASCADE,
            local_id text NOT NULL,
            cycle_id text NOT NULL, activity_id text, goal_id text, aspect text NOT NULL, status text NOT NULL,
            date text, measured_value text, why text,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (store_id, local_id)
        );

        CREATE FUNCTION \(s).is_county() RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT pg_has_role(current_user, '\(countyGroup)', 'USAGE') $$;
        CREATE FUNCTION \(s).reads_others() RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT coalesce((SELECT municipalities_read_others FROM \(s).settings), false) $$;
        CREATE FUNCTION \(s).owns(store uuid) RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT EXISTS (SELECT 1 FROM \(s).municipalities m WHERE m.store_id = store AND m.role = current_user) $$;

        GRANT USAGE ON SCHEMA \(s) TO \(municipalityGroup), \(countyGroup);
        GRANT SELECT ON ALL TABLES IN SCHEMA \(s) TO \(municipalityGroup), \(countyGroup);
        GRANT INSERT, UPDATE, DELETE ON \(s).municipalities TO \(municipalityGroup);

        ALTER TABLE \(s).municipalities ENABLE ROW LEVEL SECURITY;
        CREATE POLICY read ON \(s).municipalities FOR SELECT
            USING (role = current_user OR \(s).is_county() OR \(s).reads_others());
        CREATE POLICY claim ON \(s).municipalities FOR INSERT
            WITH CHECK (role = current_user AND pg_has_role(current_user, '\(municipalityGroup)', 'USAGE'));
        CREATE POLICY rename ON \(s).municipalities FOR UPDATE USING (role = current_user) WITH CHECK (role = current_user);
        CREATE POLICY leave ON \(s).municipalities FOR DELETE USING (role = current_user);

        """
        for t in dataTables {
            sql += """
            GRANT INSERT, UPDATE, DELETE ON \(s).\(t) TO \(municipalityGroup);
            ALTER TABLE \(s).\(t) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY read ON \(s).\(t) FOR SELECT USING (\(s).owns(store_id) OR \(s).is_county() OR \(s).reads_others());
            CREATE POLICY own_insert ON \(s).\(t) FOR INSERT WITH CHECK (\(s).owns(store_id));
            CREATE POLICY own_update ON \(s).\(t) FOR UPDATE USING (\(s).owns(store_id)) WITH CHECK (\(s).owns(store_id));
            CREATE POLICY own_delete ON \(s).\(t) FOR DELETE USING (\(s).owns(store_id));

            """
        }
        return sql
    }()

    /// A municipality's name belongs to the role that published it first:
    /// another role publishing under it is refused (SQLSTATE `SRN01`), so
    /// that the county never sees two columns of one name from two
    /// municipalities. (A county's walk published Krokom's store as
    /// "Östersund".) The check reads every role's rows, which row-level
    /// security hides from the publisher: the function runs as its owner.
    static let v2: String = {
        let s = schema
        return """
        CREATE FUNCTION \(s).name_taken() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        AS $$
        BEGIN
            -- Two publishes of one name at once: one waits for the other.
            PERFORM pg_advisory_xact_lock(hashtext('samtal_region.name:' || lower(NEW.name)));
            IF EXISTS (SELECT 1 FROM \(s).municipalities m
                       WHERE lower(m.name) = lower(NEW.name) AND m.role <> NEW.role AND m.store_id <> NEW.store_id) THEN
                RAISE EXCEPTION 'the name % is used by another municipality''s role in the region', NEW.name
                    USING ERRCODE = 'SRN01';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER name_taken BEFORE INSERT OR UPDATE OF name ON \(s).municipalities
            FOR EACH ROW EXECUTE FUNCTION \(s).name_taken();

        """
    }()

    /// A role name as SQL wants it: plain lower-case letters, digits and
    /// underscores only (so it needs no quoting).
    public static func isValidRoleName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.first!.isLetter
            && name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
            && !reservedRoleNames.contains(name) && !name.hasPrefix("pg_")
    }

    /// Names a login role may not have: the region's group roles (a county
    /// role made a member of the municipalities' group could publish) and
    /// PostgreSQL's own.
    static let reservedRoleNames: Set<String> = [municipalityGroup, countyGroup, "postgres", "public"]

    /// A role named both a municipality's and the county's: nil when none.
    public static func roleInBoth(municipalities: [String], counties: [String]) -> String? {
        Set(municipalities).intersection(counties).sorted().first
    }

    /// What `samtal region setup` did.
    public struct SetupResult: Equatable, Sendable {
        public var applied: [Int]
        public var rolesCreated: [String]
        public var version: Int
    }

    /// Creates (or brings up to date) the schema, the group roles and the
    /// login roles named, as an administrator; running it again changes
    /// nothing. `readOthers` sets whether municipalities read each
    /// other's rows (nil: leave it).
    public static func setup(adminURL: String, municipalities: [String] = [], counties: [String] = [],
                             readOthers: Bool? = nil) throws -> SetupResult {
        for role in municipalities + counties where !isValidRoleName(role) {
            throw RegionError(.roleName(role))
        }
        if let both = roleInBoth(municipalities: municipalities, counties: counties) { throw RegionError(.roleName(both)) }
        let db = try PGConnection(url: adminURL)
        // One setup at a time.
        try db.exec("SELECT pg_advisory_lock(hashtext('samtal_region'))")
        defer { _ = try? db.exec("SELECT pg_advisory_unlock(hashtext('samtal_region'))") }
        var created: [String] = []
        func ensureRole(_ name: String, login: Bool, in group: String?) throws {
            if try db.value("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]) == nil {
                do {
                    try db.exec("CREATE ROLE \(name) \(login ? "LOGIN" : "NOLOGIN")")
                    created.append(name)
                } catch let e as RegionError where e.sqlState == "42710" || e.sqlState == "23505" {
                    // Made at this moment by a setup of another database
                    // (roles belong to the whole server, and the advisory
                    // lock to one database): "already exists", or the
                    // catalogue's unique key when both were at it at once.
                }
            }
            if let group {
                // Another database's setup may change the same catalogue row
                // at this moment ("tuple concurrently updated"): try again.
                for attempt in 1...5 {
                    do {
                        try db.exec("GRANT \(group) TO \(name)")
                        break
                    } catch let e as RegionError where e.sqlState == "XX000" && attempt < 5 {
                        Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
                    }
                }
            }
        }
        try ensureRole(municipalityGroup, login: false, in: nil)
        try ensureRole(countyGroup, login: false, in: nil)
        try db.exec("""
            CREATE SCHEMA IF NOT EXISTS \(schema);
            CREATE TABLE IF NOT EXISTS \(schema).region_schema_version (
                version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            GRANT USAGE ON SCHEMA \(schema) TO \(municipalityGroup), \(countyGroup);
            GRANT SELECT ON \(schema).region_schema_version TO \(municipalityGroup), \(countyGroup);
            """)
        let current = Int(try db.value("SELECT coalesce(max(version), 0) FROM \(schema).region_schema_version") ?? "0") ?? 0
        if current > latest {
            throw RegionError(.regionSchemaNewer(version: current, known: latest))
        }
        var applied: [Int] = []
        for m in migrations where m.version > current {
            try db.transaction {
                try db.exec(m.sql)
                try db.exec("INSERT INTO \(schema).region_schema_version (version) VALUES ($1)", ["\(m.version)"])
            }
            applied.append(m.version)
        }
        for m in municipalities { try ensureRole(m, login: true, in: municipalityGroup) }
        for c in counties { try ensureRole(c, login: true, in: countyGroup) }
        if let readOthers {
            try db.exec("UPDATE \(schema).settings SET municipalities_read_others = $1", [readOthers ? "true" : "false"])
        }
        return SetupResult(applied: applied, rolesCreated: created, version: latest)
    }

    /// Checks that the server holds the regional schema this samtal
    /// writes, with a message for a person when it does not.
    static func check(_ db: PGConnection) throws {
        let version: String?
        do {
            version = try db.value("SELECT max(version) FROM \(schema).region_schema_version")
        } catch let e as RegionError where e.sqlState == "42P01" || e.sqlState == "3F000" {
            throw RegionError(.regionNoSchema)
        } catch let e as RegionError where e.isPermissionDenied {
            throw RegionError(.regionRoleMayNotUse(role: db.user))
        }
        guard let v = version.flatMap(Int.init) else {
            throw RegionError(.regionSchemaNotSetUp)
        }
        if v > latest { throw RegionError(.regionSchemaNewer(version: v, known: latest)) }
        if v < latest { throw RegionError(.regionSchemaOlder(version: v, known: latest)) }
    }
}
