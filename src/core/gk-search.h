#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* FTS5's trigram tokenizer matches substrings of three or more characters
 * only. Shorter queries (党费, 公示, 党) go through notices_grams, an FTS5
 * table whose tokenizer "gk_grams" indexes every character and every pair
 * of adjacent characters; it keeps row ids only (detail=none, no content),
 * so it costs a fifth of the trigram index. The tokenizer is registered on
 * every SQLite connection the process opens. */
#define GK_SEARCH_MIN_TRIGRAM_CHARS 3

/* The query as one FTS5 phrase: inside double quotes, quotes doubled, so
 * that operators and punctuation in what the user typed mean nothing. */
char     *gk_search_fts_phrase (const char *query);

/* Whether QUERY (already trimmed) can use the trigram index. */
gboolean  gk_search_use_index  (const char *query);

/* An SQL condition on the notice n (its id, n.id) that holds when its
 * title or body contains QUERY (trimmed, not empty), case-folded as
 * SQLite's lower() does for ASCII; the value to bind to its one parameter,
 * :search, is gk_search_notice_parameter(). Queries of one or two
 * characters give exactly what instr() on lower(title) and lower(body)
 * gives; three or more what the trigram index gives. */
const char *gk_search_notice_condition (const char *query);
char       *gk_search_notice_parameter (const char *query);
/* SQL that counts the notices gk_search_notice_condition() selects, from
 * the index alone (same parameter). */
const char *gk_search_notice_count_sql (const char *query);
/* SQL that gives their ids, from the index alone, in ascending order; the
 * _range_ form only those between the parameters :low and :high. */
const char *gk_search_notice_ids_sql   (const char *query);
const char *gk_search_notice_range_sql (const char *query);

/* Inside gk_database_write(): brings the notice search indexes
 * (notices_fts and notices_grams) up to date with the title and body of
 * notice NOTICE_ID, written where a notice's plan is (gk-workflow.c). */
gboolean  gk_search_index_notice (GkDatabase  *db,
                                  gint64       notice_id,
                                  const char  *title,
                                  const char  *body,
                                  GError     **error);

/* Inside gk_database_write(): indexes the notices from FIRST_ID on, for
 * writers that insert many at once (gk-scale.c) and index them last.
 * FTS5 writes its pending terms out whenever another statement of the
 * transaction begins, so indexing notice by notice between other writes
 * would write (and later merge) a segment per notice. */
gboolean  gk_search_index_new_notices (GkDatabase  *db,
                                       gint64       first_id,
                                       GError     **error);

G_END_DECLS
