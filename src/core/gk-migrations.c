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

const char *
gk_migrations_get (int version)
{
  switch (version)
    {
    case 1:
      return schema_v1;
    default:
      g_assert_not_reached ();
    }
}
