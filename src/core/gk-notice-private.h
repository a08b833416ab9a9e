#pragma once

#include <sqlite3.h>

#include "core/gk-notice.h"
#include "core/gk-notices.h"

G_BEGIN_DECLS

/* The columns gk_notice_new_from_row() reads, in order; callers append
 * their WHERE / ORDER BY. n is notices, o its organization, p the proposer. */
#define GK_NOTICE_ROW_SQL \
  "SELECT n.id, n.title, n.body, n.state, o.kind, n.organization_id," \
  " coalesce (o.short_name, o.name), coalesce (ci.number, 0), coalesce (n.item_id, 0)," \
  " n.planned_date, n.published_date, n.layout, n.major, n.proposer_id, p.name," \
  " (SELECT group_concat (x, '、') FROM (SELECT a.name AS x FROM notice_audiences na" \
  "   JOIN audiences a ON a.id = na.audience_id WHERE na.notice_id = n.id ORDER BY na.position))," \
  " (SELECT group_concat (x, '、') FROM (SELECT m.name AS x FROM notice_methods nm" \
  "   JOIN methods m ON m.id = nm.method_id WHERE nm.notice_id = n.id ORDER BY nm.position))," \
  " n.approval_sha256, n.content_sha256, coalesce (n.application_id, 0), coalesce (n.clarifies_id, 0)," \
  " n.row_version, n.updated_at, n.pdf_sha256, n.font_report, n.approved_at" \
  " FROM notices n JOIN organizations o ON o.id = n.organization_id" \
  " JOIN people p ON p.id = n.proposer_id" \
  " LEFT JOIN catalog_items ci ON ci.id = n.item_id"

/* The order of every notice list: the published, else the planned date,
 * then the id. The indexes notices_date, notices_state_date and
 * notices_proposer_date give it. */
#define GK_NOTICE_ORDER_KEY "coalesce (n.published_date, n.planned_date)"

GkNotice *gk_notice_new_from_row (sqlite3_stmt *stmt);
/* Steps STMT (bound, its first column a notice's id) to its end: the ids
 * in order, or NULL with ERROR set. */
GArray   *gk_notice_read_ids     (GkDatabase    *db,
                                  sqlite3_stmt  *stmt,
                                  GError       **error);

/* The conditions of QUERY on the notice n, as " AND …" appended to SQL,
 * with named parameters that gk_notice_query_bind() binds. IN_ORDER makes
 * SQLite walk the list's order index and test each notice against the
 * search's matches, instead of sorting the matches: faster to the first
 * page when the search matches many notices. */
void      gk_notice_query_append_conditions (const GkNoticeQuery *query,
                                             gboolean             in_order,
                                             GString             *sql);
void      gk_notice_query_bind              (const GkNoticeQuery *query,
                                             sqlite3_stmt        *stmt);

GkLevel   gk_level_for_kind      (const char   *organization_kind);

G_END_DECLS
