#include "core/gk-migrations.h"

/* Schema version 1: the directory, the catalog and the audit log. */
static const char schema_v1[] =
  "CREATE TABLE organizations ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  short_name TEXT UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('committee', 'standing-committee', 'discipline',"
  "                                     'department', 'mass', 'general-branch', 'branch')),"
  "  parent_id INTEGER REFERENCES organizations (id),"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX organizations_parent ON organizations (parent_id);"

  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  title TEXT,"
  "  login TEXT UNIQUE,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX people_name ON people (name);"

  "CREATE TABLE roles ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  role TEXT NOT NULL CHECK (role IN ('staff', 'principal', 'secretary', 'deputy-secretary',"
  "                                     'committee-member', 'leader', 'party-office',"
  "                                     'inspector', 'admin')),"
  "  row_version INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (person_id, organization_id, role)"
  ");"
  "CREATE INDEX roles_organization ON roles (organization_id, role);"

  /* The organizations a leader (分管校领导) oversees. */
  "CREATE TABLE oversight ("
  "  person_id INTEGER NOT NULL REFERENCES people (id),"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  PRIMARY KEY (person_id, organization_id)"
  ");"
  "CREATE INDEX oversight_organization ON oversight (organization_id);"

  "CREATE TABLE audiences ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  class TEXT NOT NULL CHECK (class IN ('public', 'party-wide', 'unit', 'specific', 'case-by-case')),"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"

  "CREATE TABLE catalogs ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL UNIQUE REFERENCES organizations (id),"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"

  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  catalog_id INTEGER NOT NULL REFERENCES catalogs (id),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  position INTEGER NOT NULL,"
  "  row_version INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (catalog_id, name)"
  ");"

  "CREATE TABLE catalog_items ("
  "  id INTEGER PRIMARY KEY,"
  "  catalog_id INTEGER NOT NULL REFERENCES catalogs (id),"
  "  category_id INTEGER NOT NULL REFERENCES categories (id),"
  "  number INTEGER NOT NULL CHECK (number > 0),"
  "  content TEXT NOT NULL CHECK (length(trim(content)) > 0),"
  "  cadence TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  row_version INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (catalog_id, number)"
  ");"
  "CREATE INDEX catalog_items_category ON catalog_items (category_id);"

  "CREATE TABLE item_responsible ("
  "  item_id INTEGER NOT NULL REFERENCES catalog_items (id),"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (item_id, organization_id)"
  ");"
  "CREATE INDEX item_responsible_organization ON item_responsible (organization_id);"

  "CREATE TABLE item_audiences ("
  "  item_id INTEGER NOT NULL REFERENCES catalog_items (id),"
  "  audience_id INTEGER NOT NULL REFERENCES audiences (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (item_id, audience_id)"
  ");"
  "CREATE INDEX item_audiences_audience ON item_audiences (audience_id);"

  /* One row per changed field of an item (动态调整): who, when, why, old → new. */
  "CREATE TABLE item_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES catalog_items (id),"
  "  at TEXT NOT NULL,"
  "  person_id INTEGER REFERENCES people (id),"
  "  reason TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX item_revisions_item ON item_revisions (item_id, id);"

  /* Append-only, hash-chained: hash = SHA-256 (prev_hash ‖ canonical row). */
  "CREATE TABLE audit_events ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  person_id INTEGER,"
  "  os_user TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  old_json TEXT,"
  "  new_json TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_events_entity ON audit_events (entity, entity_id);"
  "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"

  /* Search over the catalog: trigram for queries of 3+ characters. */
  "CREATE VIRTUAL TABLE catalog_items_fts USING fts5 ("
  "  content, category, responsible, audiences, tokenize = 'trigram');";

/* Schema version 2: the procedure of 第十三条 — notices with their plan,
 * reviews, decisions, publication stages and history — and applications
 * (个别申请), methods (第十四条), working-day calendar and settings. */
static const char schema_v2[] =
  "CREATE TABLE methods ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  channel TEXT NOT NULL CHECK (channel IN ('internal', 'external')),"
  "  position INTEGER NOT NULL"
  ");"
  "INSERT INTO methods (name, channel, position) VALUES"
  "  ('会议', 'internal', 1), ('文件', 'internal', 2), ('简报', 'internal', 3),"
  "  ('OA系统', 'internal', 4), ('校园局域网', 'internal', 5),"
  "  ('新闻发布会', 'external', 6), ('接受采访', 'external', 7), ('报刊', 'external', 8),"
  "  ('广播', 'external', 9), ('电视', 'external', 10), ('互联网', 'external', 11),"
  "  ('新媒体', 'external', 12), ('公开栏', 'external', 13);"

  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "INSERT INTO settings (key, value) VALUES"
  "  ('application-deadline-days', '20'), ('application-extension-days', '20');"

  /* Public holidays and make-up working days (调休). */
  "CREATE TABLE holidays ("
  "  date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),"
  "  name TEXT NOT NULL"
  ");"

  "CREATE TABLE applications ("
  "  id INTEGER PRIMARY KEY,"
  "  applicant TEXT NOT NULL CHECK (length(trim(applicant)) > 0),"
  "  is_member INTEGER NOT NULL,"
  "  addressed_to_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  request TEXT NOT NULL CHECK (length(trim(request)) > 0),"
  "  received_date TEXT NOT NULL,"
  "  deadline TEXT NOT NULL,"
  "  extended INTEGER NOT NULL DEFAULT 0,"
  "  handler_id INTEGER REFERENCES organizations (id),"
  "  state TEXT NOT NULL CHECK (state IN ('received', 'forwarded', 'replied')),"
  "  reply TEXT CHECK (reply IN ('disclose', 'partial', 'refuse')),"
  "  reply_note TEXT,"
  "  replied_date TEXT,"
  "  recorded_by INTEGER REFERENCES people (id),"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX applications_state ON applications (state, deadline);"

  "CREATE TABLE notices ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER REFERENCES catalog_items (id),"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  application_id INTEGER REFERENCES applications (id),"
  "  clarifies_id INTEGER REFERENCES notices (id),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  body TEXT NOT NULL,"
  "  planned_date TEXT NOT NULL,"
  "  layout TEXT NOT NULL DEFAULT 'bulletin' CHECK (layout IN ('bulletin', 'redhead', 'a3')),"
  "  major INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL CHECK (state IN ('draft', 'returned', 'submitted', 'reviewed', 'escalated',"
  "                                       'upper-review', 'approved', 'published', 'rejected', 'withdrawn')),"
  "  proposer_id INTEGER NOT NULL REFERENCES people (id),"
  "  content_sha256 TEXT,"
  /* approval_sha256: the exact PDF the approver was shown; pdf_sha256: the
   * posted PDF, the same pages with the verification code (the first 8
   * digits of approval_sha256) in the footer; font_report: substitutions. */
  "  approval_sha256 TEXT,"
  "  pdf_sha256 TEXT,"
  "  font_report TEXT,"
  "  approved_by INTEGER REFERENCES people (id),"
  "  approved_at TEXT,"
  "  published_date TEXT,"
  /* Which obligation of its catalog item it fulfils (calendar), e.g.
   * "yearly-after:01-31@2025"; NULL when not said. */
  "  obligation TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX notices_state ON notices (state, planned_date);"
  "CREATE INDEX notices_organization ON notices (organization_id, planned_date);"
  "CREATE INDEX notices_proposer ON notices (proposer_id);"
  "CREATE INDEX notices_item ON notices (item_id);"

  "CREATE TABLE notice_audiences ("
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  audience_id INTEGER NOT NULL REFERENCES audiences (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (notice_id, audience_id)"
  ");"
  "CREATE TABLE notice_methods ("
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  method_id INTEGER NOT NULL REFERENCES methods (id),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (notice_id, method_id)"
  ");"

  /* 审核: one structured record per review. */
  "CREATE TABLE notice_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  reviewer_id INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL,"
  "  secrecy TEXT NOT NULL CHECK (secrecy IN ('ok', 'secret')),"
  "  necessity TEXT NOT NULL CHECK (necessity IN ('ok', 'no')),"
  "  accuracy TEXT NOT NULL CHECK (accuracy IN ('ok', 'no')),"
  "  risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),"
  "  note TEXT"
  ");"
  "CREATE INDEX notice_reviews_notice ON notice_reviews (notice_id);"

  /* Decisions of 党委常委会 and approvals of 上级党委, recorded by party office. */
  "CREATE TABLE notice_decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  body TEXT NOT NULL CHECK (body IN ('standing-committee', 'upper')),"
  "  meeting_date TEXT NOT NULL,"
  "  reference TEXT NOT NULL,"
  "  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL"
  ");"

  /* 实施: one row per publication stage (先党内后党外). */
  "CREATE TABLE notice_stages ("
  "  id INTEGER PRIMARY KEY,"
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  published_date TEXT NOT NULL,"
  "  audiences TEXT NOT NULL,"
  "  methods TEXT NOT NULL,"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL"
  ");"
  "CREATE INDEX notice_stages_notice ON notice_stages (notice_id);"

  /* The history shown with a notice: who did what, when, with what note. */
  "CREATE TABLE notice_events ("
  "  id INTEGER PRIMARY KEY,"
  "  notice_id INTEGER NOT NULL REFERENCES notices (id),"
  "  at TEXT NOT NULL,"
  "  person_id INTEGER REFERENCES people (id),"
  "  action TEXT NOT NULL,"
  "  from_state TEXT,"
  "  to_state TEXT NOT NULL,"
  "  note TEXT"
  ");"
  "CREATE INDEX notice_events_notice ON notice_events (notice_id, id);"

  "CREATE VIRTUAL TABLE notices_fts USING fts5 (title, body, tokenize = 'trigram');"

  /* 备案: a filed version of a catalog, kept whole and never changed. */
  "CREATE TABLE catalog_filings ("
  "  id INTEGER PRIMARY KEY,"
  "  catalog_id INTEGER NOT NULL REFERENCES catalogs (id),"
  "  filed_at TEXT NOT NULL,"
  "  filed_by INTEGER NOT NULL REFERENCES people (id),"
  "  last_revision_id INTEGER NOT NULL DEFAULT 0,"
  "  snapshot TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  note TEXT"
  ");"
  "CREATE INDEX catalog_filings_catalog ON catalog_filings (catalog_id, id);"
  "CREATE TRIGGER catalog_filings_no_update BEFORE UPDATE ON catalog_filings"
  "  BEGIN SELECT RAISE (ABORT, 'a filed catalog cannot be changed'); END;"
  "CREATE TRIGGER catalog_filings_no_delete BEFORE DELETE ON catalog_filings"
  "  BEGIN SELECT RAISE (ABORT, 'a filed catalog cannot be removed'); END;"

  /* The calendar: events that start an on-event obligation, and
   * obligations waived with a reason. A period names one obligation of an
   * item: 2026, 2026-H1, 2026-Q3, 2026-07, 2026-T1, or event:<id>. */
  "CREATE TABLE item_events ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES catalog_items (id),"
  "  event_date TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  recorded_by INTEGER REFERENCES people (id),"
  "  at TEXT NOT NULL"
  ");"
  "CREATE INDEX item_events_item ON item_events (item_id, event_date);"
  "CREATE TABLE obligation_waivers ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES catalog_items (id),"
  "  rule TEXT NOT NULL,"
  "  period TEXT NOT NULL,"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  waived_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL,"
  "  UNIQUE (item_id, rule, period)"
  ");"

  /* Who the procedure waits for, and for which step: the routing table of
   * DESIGN §3 in one place, used by the inbox, the CLI and the checks.
   * School level: the unit's principal reviews and the leader who oversees
   * it approves (or, for a major matter, escalates), never the proposer;
   * general branch and branch level: the secretary does both. */
  "CREATE VIEW notice_waiting (notice_id, person_id, action) AS"
  "  SELECT n.id, n.proposer_id, 'submit' FROM notices n WHERE n.state IN ('draft', 'returned')"
  "  UNION"
  "  SELECT n.id, r.person_id, 'review' FROM notices n"
  "    JOIN organizations o ON o.id = n.organization_id"
  "    JOIN roles r ON r.organization_id = n.organization_id"
  "   WHERE n.state = 'submitted'"
  "     AND ((o.kind IN ('general-branch', 'branch') AND r.role = 'secretary')"
  "       OR (o.kind NOT IN ('general-branch', 'branch') AND r.role = 'principal' AND r.person_id <> n.proposer_id))"
  "  UNION"
  "  SELECT n.id, v.person_id, CASE WHEN n.major THEN 'escalate' ELSE 'approve' END FROM notices n"
  "    JOIN organizations o ON o.id = n.organization_id"
  "    JOIN oversight v ON v.organization_id = n.organization_id"
  "   WHERE n.state = 'reviewed' AND o.kind NOT IN ('general-branch', 'branch') AND v.person_id <> n.proposer_id"
  "  UNION"
  "  SELECT n.id, r.person_id, 'approve' FROM notices n"
  "    JOIN organizations o ON o.id = n.organization_id"
  "    JOIN roles r ON r.organization_id = n.organization_id"
  "   WHERE n.state = 'reviewed' AND o.kind IN ('general-branch', 'branch') AND r.role = 'secretary'"
  "  UNION"
  "  SELECT n.id, r.person_id, CASE n.state WHEN 'escalated' THEN 'decide' ELSE 'upper-approve' END"
  "    FROM notices n JOIN roles r ON r.role = 'party-office'"
  "   WHERE n.state IN ('escalated', 'upper-review')"
  "  UNION"
  "  SELECT n.id, n.proposer_id, 'publish' FROM notices n WHERE n.state = 'approved'"
  "  UNION"
  "  SELECT n.id, r.person_id, 'publish' FROM notices n"
  "    JOIN roles r ON (r.role = 'principal' AND r.organization_id = n.organization_id) OR r.role = 'party-office'"
  "   WHERE n.state = 'approved';"
  "CREATE INDEX roles_role ON roles (role);"

  /* 督查 (第十九条): an inspection by party office or the discipline
   * office, its findings per organization, each with the rectification
   * required, its deadline and its completion. */
  "CREATE TABLE inspections ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('routine', 'special')),"
  "  inspectors TEXT NOT NULL CHECK (length(trim(inspectors)) > 0),"
  "  scope TEXT NOT NULL CHECK (length(trim(scope)) > 0),"
  "  inspection_date TEXT NOT NULL,"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL,"
  "  row_version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX inspections_date ON inspections (inspection_date);"
  "CREATE TABLE inspection_findings ("
  "  id INTEGER PRIMARY KEY,"
  "  inspection_id INTEGER NOT NULL REFERENCES inspections (id),"
  "  organization_id INTEGER NOT NULL REFERENCES organizations (id),"
  "  finding TEXT NOT NULL CHECK (length(trim(finding)) > 0),"
  "  rectification TEXT,"
  "  deadline TEXT,"
  "  responsible_id INTEGER REFERENCES people (id),"
  "  completed_date TEXT,"
  "  completion_note TEXT,"
  "  completed_by INTEGER REFERENCES people (id),"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL,"
  "  row_version INTEGER NOT NULL DEFAULT 1,"
  "  CHECK ((rectification IS NULL) = (deadline IS NULL))"
  ");"
  "CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id);"
  "CREATE INDEX inspection_findings_open ON inspection_findings (completed_date, deadline);"

  /* 第十四、十六条: feedback on a published notice, and public-opinion
   * notes (舆情) whose severity 'high' must be reported upward. */
  "CREATE TABLE feedback ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('feedback', 'opinion')),"
  "  notice_id INTEGER REFERENCES notices (id),"
  "  channel TEXT CHECK (channel IN ('mailbox', 'meeting', 'phone', 'online')),"
  "  severity TEXT CHECK (severity IN ('low', 'medium', 'high')),"
  "  content TEXT NOT NULL CHECK (length(trim(content)) > 0),"
  "  received_date TEXT NOT NULL,"
  "  clarification_id INTEGER REFERENCES notices (id),"
  "  recorded_by INTEGER NOT NULL REFERENCES people (id),"
  "  at TEXT NOT NULL,"
  "  row_version INTEGER NOT NULL DEFAULT 1,"
  "  CHECK (kind = 'opinion' OR (notice_id IS NOT NULL AND channel IS NOT NULL)),"
  "  CHECK (kind = 'feedback' OR severity IS NOT NULL)"
  ");"
  "CREATE INDEX feedback_notice ON feedback (notice_id);"
  "CREATE INDEX notices_clarifies ON notices (clarifies_id);"
  "CREATE INDEX audit_events_person ON audit_events (person_id);"
  "INSERT INTO settings (key, value) VALUES ('stuck-threshold-days', '10');"

  /* Years of history in one file: every filter of the notice lists has an
   * index that also gives their order (the published, else the planned
   * date, then the id), and queries of one or two characters have an
   * index of their own (gk-search.c). */
  "CREATE INDEX notices_date ON notices (coalesce (published_date, planned_date));"
  "CREATE INDEX notices_state_date ON notices (state, coalesce (published_date, planned_date));"
  "CREATE INDEX notices_proposer_date ON notices (proposer_id, coalesce (published_date, planned_date));"
  "CREATE VIRTUAL TABLE notices_grams USING fts5 (title, body, tokenize = 'gk_grams',"
  "  content = '', detail = none, columnsize = 0);";

/* Schema version 3: indexes that hold what two frequent readings need,
 * so that they never read a notice's row, whose body is long:
 * - the calendar matches every notice of a catalog item against its
 *   obligations (gk-obligations.c); notices_item_match starts with
 *   item_id, as notices_item did;
 * - "waiting for me" (the notice_waiting view) reads the notices in
 *   progress by state, with their organization, proposer and major flag;
 *   notices_state_route also starts with the state and the planned date
 *   of notices_state, on which the calendar finds its planned notices.
 * notices_proposer is the first column of notices_proposer_date. */
static const char schema_v3[] =
  "CREATE INDEX notices_item_match ON notices (item_id, state, published_date, planned_date, obligation);"
  "CREATE INDEX notices_state_route ON notices (state, planned_date, organization_id, proposer_id, major);"
  "DROP INDEX notices_item;"
  "DROP INDEX notices_state;"
  "DROP INDEX notices_proposer;";

const char *
gk_migrations_get (int version)
{
  switch (version)
    {
    case 1:
      return schema_v1;
    case 2:
      return schema_v2;
    case 3:
      return schema_v3;
    default:
      g_assert_not_reached ();
    }
}
