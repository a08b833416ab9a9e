#pragma once

#include <gio/gio.h>

#include "core/gk-database.h"
#include "core/gk-notices.h"

G_BEGIN_DECLS

/* The notices a GkNoticeQuery lists, as a GListModel of GkNotice that
 * reads them from SQLite a page at a time, when they are asked for: a
 * list of 100 000 notices holds a few pages of objects, not 100 000.
 * Filters and order are the query's SQL (gk_notices_list()'s order). The
 * model reads on the thread that owns the connection, as GTK asks.
 *
 * A search alone that matches many notices is counted on a worker thread
 * (a connection of its own, read-only): until then the model's length is
 * a lower bound, "counting" is TRUE, and the list grows (items-changed at
 * its end) when the count is in. */
#define GK_TYPE_NOTICE_LIST_MODEL (gk_notice_list_model_get_type ())
G_DECLARE_FINAL_TYPE (GkNoticeListModel, gk_notice_list_model, GK, NOTICE_LIST_MODEL, GObject)

/* Rows read at once, and pages kept (least recently used dropped): a
 * page is read on the main loop while the list scrolls, so it is small;
 * a screen of the inbox is 10–25 rows. */
#define GK_NOTICE_LIST_MODEL_PAGE_SIZE 50
#define GK_NOTICE_LIST_MODEL_MAX_PAGES 8

GkNoticeListModel *gk_notice_list_model_new       (GkDatabase          *db,
                                                   const GkNoticeQuery *query,
                                                   GError             **error);
/* Lists another query: items-changed replaces every item. */
gboolean           gk_notice_list_model_set_query (GkNoticeListModel   *self,
                                                   const GkNoticeQuery *query,
                                                   GError             **error);
/* Counts again and forgets every page read, after the database changed:
 * items-changed replaces every item. */
gboolean           gk_notice_list_model_refresh   (GkNoticeListModel   *self,
                                                   GError             **error);
/* The position of a notice in the list, or G_MAXUINT when the query does
 * not list it; a count in SQL, no page is read. */
guint              gk_notice_list_model_find      (GkNoticeListModel   *self,
                                                   gint64               notice_id);
/* Whether the length is still a lower bound (the "counting" property). */
gboolean           gk_notice_list_model_is_counting (GkNoticeListModel *self);
/* Searches alone matching more than LIMIT notices are counted on the
 * worker (5 000 unless set): for tests, on files of a few thousand. */
void               gk_notice_list_model_set_count_limit (GkNoticeListModel *self,
                                                         guint              limit);
/* Pages read from the database since the model was made (benchmarks). */
guint              gk_notice_list_model_get_pages_read (GkNoticeListModel *self);

G_END_DECLS
