#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The audit viewer: the trail filtered and paged, each event with its
 * old → new values. Verifying the chain is gk_audit_verify(); the event it
 * names is found again with the event_id filter. */

/* Zero fields do not filter; all given filters apply together. */
typedef struct
{
  gint64      person_id;        /* who acted */
  gint64      organization_id;  /* events about it or its sub-organizations: the
                                   organization itself, its notices, catalogs,
                                   applications addressed to or handled by it, and
                                   any event whose old or new JSON names one of
                                   them as organization_id */
  gint64      notice_id;        /* events of the notice, and those whose JSON names
                                   it as notice_id or clarification_id (feedback) */
  gint64      event_id;         /* one event */
  const char *entity;           /* "notice", "inspection-finding", … */
  gint64      entity_id;        /* with entity: the events of that one record */
  const char *from;             /* YYYY-MM-DD, local date, inclusive */
  const char *to;
  guint       limit;            /* 0: no limit */
  guint       offset;
} GkAuditQuery;

typedef struct
{
  gint64  id;
  char   *at;          /* ISO 8601, UTC */
  gint64  person_id;   /* 0: the system */
  char   *person;      /* name, or "" */
  char   *os_user;     /* user@host */
  char   *entity;
  gint64  entity_id;
  char   *action;
  char   *old_json;    /* NULL when none */
  char   *new_json;
} GkAuditEntry;

void gk_audit_entry_free (GkAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditEntry, gk_audit_entry_free)

/* One changed field: a value is NULL when that side lacks the field or
 * holds JSON null. Values that are not strings are given as JSON. */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} GkAuditChange;

void gk_audit_change_free (GkAuditChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditChange, gk_audit_change_free)

/* Events matching QUERY (NULL: all), as GkAuditEntry, oldest first. */
GPtrArray *gk_audit_query_list    (GkDatabase          *db,
                                   const GkAuditQuery  *query,
                                   GError             **error);
/* How many events match, ignoring limit and offset: for paging. -1 on
 * error. */
gint64     gk_audit_query_count   (GkDatabase          *db,
                                   const GkAuditQuery  *query,
                                   GError             **error);

/* The fields of ENTRY's old and new JSON, as GkAuditChange, in the order
 * they first appear (old side first); fields whose value did not change
 * are left out, and so are null fields of an event with only one side. */
GPtrArray *gk_audit_entry_changes (const GkAuditEntry  *entry);

/* "field: old → new; field: new": one line for a list. */
char      *gk_audit_entry_describe_changes (const GkAuditEntry *entry);

/* The last event about one record (ENTITY "notice", "catalog-item"…):
 * who changed it last and when, for a conflict. NULL without an error
 * when the record has none. */
GkAuditEntry *gk_audit_query_last (GkDatabase  *db,
                                   const char  *entity,
                                   gint64       entity_id,
                                   GError     **error);

G_END_DECLS
