/* gk-notice-list-model.c: a list of notices read a page at a time
 *
 * The count comes from SELECT count(*) with the query's conditions, a
 * page from the same conditions with ORDER BY … LIMIT … OFFSET. Both walk
 * an index that gives the order (gk-migrations.c), and an OFFSET on an
 * index skips entries without reading their rows; a page in the second
 * half of the list is read from the end, in the opposite order, so that
 * no page skips more than half the list.
 */

#include <glib/gi18n-lib.h>

#include "core/gk-notice-list-model.h"
#include "core/gk-notice-private.h"

/* Up to this many matches of a search are sorted; more are found by
 * walking the order index. */
#define GK_NOTICE_LIST_MODEL_SORT_LIMIT 2000

typedef struct
{
  guint      index;
  guint64    used;      /* the model's clock when last read */
  GPtrArray *notices;   /* GkNotice */
} Page;

struct _GkNoticeListModel
{
  GObject        parent_instance;

  GkDatabase    *db;
  GkNoticeQuery *query;
  guint          n_items;
  GPtrArray     *pages;     /* Page, at most GK_NOTICE_LIST_MODEL_MAX_PAGES */
  guint64        clock;
  guint          pages_read;
  sqlite3_stmt  *forward;   /* a page, first to last */
  sqlite3_stmt  *backward;  /* a page, last to first */
};

static void gk_notice_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkNoticeListModel, gk_notice_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gk_notice_list_model_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->notices);
  g_free (page);
}

static void
clear_statements (GkNoticeListModel *self)
{
  g_clear_pointer (&self->forward, sqlite3_finalize);
  g_clear_pointer (&self->backward, sqlite3_finalize);
}

/* The page's ids come from a query on notices alone, which skips the
 * OFFSET on the order index without reading a row; only the page's rows
 * are then read whole, with their organization, proposer and lists. A
 * search matching many notices walks the order index (IN_ORDER). */
static sqlite3_stmt *
prepare_page (GkDatabase           *db,
              const GkNoticeQuery  *query,
              gboolean              in_order,
              const char           *direction,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (GK_NOTICE_ROW_SQL " WHERE n.id IN (SELECT n.id FROM notices n WHERE 1");
  sqlite3_stmt *stmt;

  gk_notice_query_append_conditions (query, in_order, sql);
  g_string_append_printf (sql, " ORDER BY " GK_NOTICE_ORDER_KEY " %s, n.id %s LIMIT :limit OFFSET :offset)"
                          " ORDER BY " GK_NOTICE_ORDER_KEY " %s, n.id %s",
                          direction, direction, direction, direction);
  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt != NULL)
    gk_notice_query_bind (query, stmt);
  return stmt;
}

/* Reads page INDEX; NULL when the database fails (said once, as a
 * warning: GListModel has no way to return an error). */
static Page *
read_page (GkNoticeListModel *self,
           guint              index)
{
  guint first = index * GK_NOTICE_LIST_MODEL_PAGE_SIZE;
  guint limit = MIN (GK_NOTICE_LIST_MODEL_PAGE_SIZE, self->n_items - first);
  gboolean from_end = first + limit / 2 > self->n_items / 2;
  sqlite3_stmt *stmt = from_end ? self->backward : self->forward;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_full (limit, g_object_unref);
  Page *page;
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), (int) limit);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                    (int) (from_end ? self->n_items - first - limit : first));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notices, gk_notice_new_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_autoptr(GError) error = NULL;

      gk_database_set_error (self->db, &error, _("Cannot read the notices"));
      g_warning ("%s", error->message);
      return NULL;
    }
  if (from_end)
    for (guint i = 0; i < notices->len / 2; i++)
      {
        gpointer swap = notices->pdata[i];

        notices->pdata[i] = notices->pdata[notices->len - 1 - i];
        notices->pdata[notices->len - 1 - i] = swap;
      }

  self->pages_read++;
  page = g_new0 (Page, 1);
  page->index = index;
  page->notices = g_steal_pointer (&notices);
  return page;
}

static Page *
lookup_page (GkNoticeListModel *self,
             guint              index)
{
  Page *page = NULL;
  guint oldest = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *candidate = g_ptr_array_index (self->pages, i);

      if (candidate->index == index)
        page = candidate;
      if (candidate->used < ((Page *) g_ptr_array_index (self->pages, oldest))->used)
        oldest = i;
    }

  if (page == NULL)
    {
      page = read_page (self, index);
      if (page == NULL)
        return NULL;
      if (self->pages->len >= GK_NOTICE_LIST_MODEL_MAX_PAGES)
        g_ptr_array_remove_index_fast (self->pages, oldest);
      g_ptr_array_add (self->pages, page);
    }
  page->used = ++self->clock;
  return page;
}

static GType
gk_notice_list_model_get_item_type (GListModel *model)
{
  return GK_TYPE_NOTICE;
}

static guint
gk_notice_list_model_get_n_items (GListModel *model)
{
  return GK_NOTICE_LIST_MODEL (model)->n_items;
}

static gpointer
gk_notice_list_model_get_item (GListModel *model,
                               guint       position)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (model);
  Page *page;
  guint offset;

  if (position >= self->n_items)
    return NULL;

  page = lookup_page (self, position / GK_NOTICE_LIST_MODEL_PAGE_SIZE);
  offset = position % GK_NOTICE_LIST_MODEL_PAGE_SIZE;
  /* Fewer rows than counted: another desktop removed some since. */
  if (page == NULL || offset >= page->notices->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->notices, offset));
}

static void
gk_notice_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_notice_list_model_get_item_type;
  iface->get_n_items = gk_notice_list_model_get_n_items;
  iface->get_item = gk_notice_list_model_get_item;
}

static void
gk_notice_list_model_finalize (GObject *object)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (object);

  clear_statements (self);
  g_ptr_array_unref (self->pages);
  gk_notice_query_free (self->query);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (gk_notice_list_model_parent_class)->finalize (object);
}

static void
gk_notice_list_model_class_init (GkNoticeListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_notice_list_model_finalize;
}

static void
gk_notice_list_model_init (GkNoticeListModel *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->query = gk_notice_query_copy (NULL);
}

/* Counts and prepares QUERY; the model changes only when both work. */
static gboolean
load (GkNoticeListModel    *self,
      const GkNoticeQuery  *query,
      GError              **error)
{
  sqlite3_stmt *forward = NULL;
  sqlite3_stmt *backward = NULL;
  gint64 count;
  guint removed = self->n_items;

  count = gk_notices_count (self->db, query, error);
  if (count < 0 ||
      (forward = prepare_page (self->db, query, count > GK_NOTICE_LIST_MODEL_SORT_LIMIT, "ASC", error)) == NULL ||
      (backward = prepare_page (self->db, query, count > GK_NOTICE_LIST_MODEL_SORT_LIMIT, "DESC", error)) == NULL)
    {
      sqlite3_finalize (forward);
      return FALSE;
    }

  if (query != self->query)
    {
      gk_notice_query_free (self->query);
      self->query = gk_notice_query_copy (query);
    }
  clear_statements (self);
  self->forward = forward;
  self->backward = backward;
  g_ptr_array_set_size (self->pages, 0);
  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT - 1);

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  return TRUE;
}

GkNoticeListModel *
gk_notice_list_model_new (GkDatabase           *db,
                          const GkNoticeQuery  *query,
                          GError              **error)
{
  g_autoptr(GkNoticeListModel) self = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  self = g_object_new (GK_TYPE_NOTICE_LIST_MODEL, NULL);
  self->db = g_object_ref (db);
  if (!load (self, query != NULL ? query : self->query, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
gk_notice_list_model_set_query (GkNoticeListModel    *self,
                                const GkNoticeQuery  *query,
                                GError              **error)
{
  g_autoptr(GkNoticeQuery) everything = NULL;

  g_return_val_if_fail (GK_IS_NOTICE_LIST_MODEL (self), FALSE);

  if (query == NULL)
    query = everything = gk_notice_query_copy (NULL);
  return load (self, query, error);
}

gboolean
gk_notice_list_model_refresh (GkNoticeListModel  *self,
                              GError            **error)
{
  g_return_val_if_fail (GK_IS_NOTICE_LIST_MODEL (self), FALSE);

  return load (self, self->query, error);
}

guint
gk_notice_list_model_find (GkNoticeListModel *self,
                           gint64             notice_id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM notices n, notices m"
                                         " WHERE m.id = :id AND (" GK_NOTICE_ORDER_KEY ", n.id)"
                                         " < (coalesce (m.published_date, m.planned_date), m.id)");
  g_autoptr(GString) listed_sql = g_string_new ("SELECT 1 FROM notices n WHERE n.id = :id");
  g_autoptr(sqlite3_stmt) listed = NULL;
  g_autoptr(sqlite3_stmt) before = NULL;
  gint64 position;

  g_return_val_if_fail (GK_IS_NOTICE_LIST_MODEL (self), G_MAXUINT);

  if (notice_id <= 0 || self->n_items == 0)
    return G_MAXUINT;

  gk_notice_query_append_conditions (self->query, FALSE, listed_sql);
  listed = gk_database_prepare (self->db, listed_sql->str, NULL);
  if (listed == NULL)
    return G_MAXUINT;
  gk_notice_query_bind (self->query, listed);
  sqlite3_bind_int64 (listed, sqlite3_bind_parameter_index (listed, ":id"), notice_id);
  if (sqlite3_step (listed) != SQLITE_ROW)
    return G_MAXUINT;

  gk_notice_query_append_conditions (self->query, FALSE, sql);
  before = gk_database_prepare (self->db, sql->str, NULL);
  if (before == NULL)
    return G_MAXUINT;
  gk_notice_query_bind (self->query, before);
  sqlite3_bind_int64 (before, sqlite3_bind_parameter_index (before, ":id"), notice_id);
  if (sqlite3_step (before) != SQLITE_ROW)
    return G_MAXUINT;
  position = sqlite3_column_int64 (before, 0);
  return position < self->n_items ? (guint) position : G_MAXUINT;
}

guint
gk_notice_list_model_get_pages_read (GkNoticeListModel *self)
{
  g_return_val_if_fail (GK_IS_NOTICE_LIST_MODEL (self), 0);

  return self->pages_read;
}
