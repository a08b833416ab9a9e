/* gk-notice-list-model.c: a list of notices read a page at a time
 *
 * The count comes from SELECT count(*) with the query's conditions, a
 * page from the same conditions with ORDER BY … LIMIT … OFFSET. Both walk
 * an index that gives the order (gk-migrations.c), and an OFFSET on an
 * index skips entries without reading their rows; a page in the second
 * half of the list is read from the end, in the opposite order, so that
 * no page skips more than half the list. A page next to one held is read
 * from that page's edge instead (its last date and id), skipping nothing:
 * a list scrolled page after page never pays for an OFFSET.
 *
 * Three kinds of list are read otherwise:
 * - "waiting for me" evaluates the notice_waiting view, a union over the
 *   notices in progress: its ids are read once, in order, and pages are
 *   read by id, rather than evaluating the view for the count and again
 *   for every page;
 * - a search alone that matches many notices (a character found in every
 *   notice) is counted on a worker, on a connection of its own, since
 *   counting means reading every match from the index: the list holds a
 *   lower bound of its length until then and grows when the count is in;
 * - the first page of such a search walks the list's order a chunk at a
 *   time and asks the index for the matches among each chunk's ids (one
 *   range of row ids), rather than handing SQLite every match to test.
 */

#include <glib/gi18n-lib.h>

#include "core/gk-notice-list-model.h"
#include "core/gk-notice-private.h"
#include "core/gk-search.h"

/* Up to this many matches of a search are sorted; more are found by
 * walking the order index. */
#define GK_NOTICE_LIST_MODEL_SORT_LIMIT 2000
/* A search alone matching more than this is counted on a worker. */
#define GK_NOTICE_LIST_MODEL_COUNT_LIMIT 5000
/* The first page's walk: ids asked of the index at once, the widest range
 * of ids a chunk may span, and the notices walked before giving up (a
 * search matching few notices early in the list reads its page the usual
 * way). */
#define WALK_CHUNK 256
#define WALK_MAX_SPAN (WALK_CHUNK * 16)
#define WALK_MAX_ROWS (GK_NOTICE_LIST_MODEL_PAGE_SIZE * 40)

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
  char          *needle;       /* the query's search when it is its only condition, trimmed */
  guint          n_items;
  gboolean       counted;      /* FALSE: n_items is a lower bound, the count is under way */
  guint          count_limit;
  GCancellable  *counting;
  gboolean       many;         /* a search counted on the worker, walked for its first page */
  GArray        *ids;          /* the whole list's ids in order, when read at once; else NULL */
  GPtrArray     *pages;        /* Page, at most GK_NOTICE_LIST_MODEL_MAX_PAGES */
  guint64        clock;
  guint          pages_read;
  sqlite3_stmt  *forward;      /* a page, first to last */
  sqlite3_stmt  *backward;     /* a page, last to first */
  sqlite3_stmt  *after;        /* a page after a notice, first to last */
  sqlite3_stmt  *before;       /* a page before a notice, last to first */
  sqlite3_stmt  *by_ids;       /* the rows of a JSON array of ids, in order */
};

enum {
  PROP_0,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  g_clear_pointer (&self->after, sqlite3_finalize);
  g_clear_pointer (&self->before, sqlite3_finalize);
}

/* The search of QUERY when it is its only condition, trimmed; else NULL. */
static char *
search_alone (const GkNoticeQuery *query)
{
  g_autofree char *needle = NULL;

  if (query->search == NULL || query->state != NULL || query->waiting_for > 0 || query->proposed_by > 0 ||
      query->in_progress || query->published)
    return NULL;
  needle = g_strstrip (g_strdup (query->search));
  return needle[0] != '\0' ? g_steal_pointer (&needle) : NULL;
}

/* The page's ids come from a query on notices alone, which skips the
 * OFFSET on the order index without reading a row; only the page's rows
 * are then read whole, with their organization, proposer and lists. A
 * search matching many notices walks the order index (IN_ORDER). FROM_KEY
 * starts the page past the notice of date :key and id :id, in DIRECTION,
 * as a range of the order index. */
static sqlite3_stmt *
prepare_page (GkDatabase           *db,
              const GkNoticeQuery  *query,
              gboolean              in_order,
              const char           *direction,
              gboolean              from_key,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (GK_NOTICE_ROW_SQL " WHERE n.id IN (SELECT n.id FROM notices n WHERE 1");
  const char *past = g_str_equal (direction, "ASC") ? ">" : "<";
  sqlite3_stmt *stmt;

  gk_notice_query_append_conditions (query, in_order, sql);
  if (from_key)
    g_string_append_printf (sql, " AND " GK_NOTICE_ORDER_KEY " %s= :key AND (" GK_NOTICE_ORDER_KEY " %s :key OR n.id %s :id)",
                            past, past, past);
  g_string_append_printf (sql, " ORDER BY " GK_NOTICE_ORDER_KEY " %s, n.id %s LIMIT :limit OFFSET :offset)"
                          " ORDER BY " GK_NOTICE_ORDER_KEY " %s, n.id %s",
                          direction, direction, direction, direction);
  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt != NULL)
    gk_notice_query_bind (query, stmt);
  return stmt;
}

/* The four ways of reading a page of QUERY, as in GkNoticeListModel from
 * forward to before; FALSE when one fails. */
static gboolean
prepare_pages (GkDatabase           *db,
               const GkNoticeQuery  *query,
               gboolean              in_order,
               sqlite3_stmt        **statements,
               GError              **error)
{
  for (guint i = 0; i < 4; i++)
    if ((statements[i] = prepare_page (db, query, in_order, i % 2 == 0 ? "ASC" : "DESC", i >= 2, error)) == NULL)
      {
        for (guint j = 0; j < i; j++)
          sqlite3_finalize (statements[j]);
        return FALSE;
      }
  return TRUE;
}

/* The ids QUERY lists, in order. */
static GArray *
read_ids (GkDatabase           *db,
          const GkNoticeQuery  *query,
          GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT n.id FROM notices n WHERE 1");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  gk_notice_query_append_conditions (query, FALSE, sql);
  g_string_append (sql, " ORDER BY " GK_NOTICE_ORDER_KEY ", n.id");
  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  gk_notice_query_bind (query, stmt);
  return gk_notice_read_ids (db, stmt, error);
}

/* How many notices match NEEDLE, counting no further than LIMIT. */
static gint64
count_matches (GkDatabase  *db,
               const char  *needle,
               gint64       limit,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s LIMIT :limit)", gk_search_notice_ids_sql (needle));
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":search"),
                     gk_search_notice_parameter (needle), -1, g_free);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot count the notices"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids of the first LIMIT matches of the search, from the list's end
 * when FROM_END (then last first), walking the order a chunk at a time;
 * NULL when the walk would be long (the chunk's ids far apart, or few
 * matches among many notices): the page is then read the usual way. */
static GArray *
walk_matches (GkNoticeListModel *self,
              guint              limit,
              gboolean           from_end)
{
  g_autofree char *walk_sql = g_strdup_printf ("SELECT n.id FROM notices n ORDER BY " GK_NOTICE_ORDER_KEY " %s, n.id %s",
                                               from_end ? "DESC" : "ASC", from_end ? "DESC" : "ASC");
  g_autoptr(sqlite3_stmt) walk = gk_database_prepare (self->db, walk_sql, NULL);
  g_autoptr(sqlite3_stmt) range = gk_database_prepare (self->db, gk_search_notice_range_sql (self->needle), NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) chunk = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint walked = 0;
  gboolean more = TRUE;

  if (walk == NULL || range == NULL)
    return NULL;
  sqlite3_bind_text (range, sqlite3_bind_parameter_index (range, ":search"),
                     gk_search_notice_parameter (self->needle), -1, g_free);

  while (found->len < limit && more)
    {
      gint64 low = G_MAXINT64, high = G_MININT64;

      g_array_set_size (chunk, 0);
      while (chunk->len < WALK_CHUNK && (more = sqlite3_step (walk) == SQLITE_ROW))
        {
          gint64 id = sqlite3_column_int64 (walk, 0);

          g_array_append_val (chunk, id);
          low = MIN (low, id);
          high = MAX (high, id);
        }
      if (chunk->len == 0)
        break;
      walked += chunk->len;
      if (high - low > WALK_MAX_SPAN || walked > WALK_MAX_ROWS)
        return NULL;

      g_array_set_size (matches, 0);
      sqlite3_reset (range);
      sqlite3_bind_int64 (range, sqlite3_bind_parameter_index (range, ":low"), low);
      sqlite3_bind_int64 (range, sqlite3_bind_parameter_index (range, ":high"), high);
      while (sqlite3_step (range) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (range, 0);

          g_array_append_val (matches, id);
        }
      for (guint i = 0; i < chunk->len && found->len < limit; i++)
        if (bsearch (&g_array_index (chunk, gint64, i), matches->data, matches->len, sizeof (gint64), compare_ids))
          g_array_append_val (found, g_array_index (chunk, gint64, i));
    }
  return g_steal_pointer (&found);
}

/* The notices of IDS, in list order. */
static GPtrArray *
read_by_ids (GkNoticeListModel  *self,
             const gint64       *ids,
             guint               n_ids,
             gboolean           *ok)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GPtrArray) notices = g_ptr_array_new_full (n_ids, g_object_unref);
  int rc;

  if (self->by_ids == NULL)
    self->by_ids = gk_database_prepare (self->db,
                                        GK_NOTICE_ROW_SQL " WHERE n.id IN (SELECT value FROM json_each (:ids))"
                                        " ORDER BY " GK_NOTICE_ORDER_KEY ", n.id",
                                        NULL);
  *ok = self->by_ids != NULL;
  if (!*ok)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  sqlite3_reset (self->by_ids);
  sqlite3_bind_text (self->by_ids, 1, json->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (self->by_ids)) == SQLITE_ROW)
    g_ptr_array_add (notices, gk_notice_new_from_row (self->by_ids));
  sqlite3_reset (self->by_ids);
  *ok = rc == SQLITE_DONE;
  return g_steal_pointer (&notices);
}

/* Page INDEX from the ids read at once, or walked for a search matching
 * many; NULL when neither applies. */
static GPtrArray *
read_page_by_ids (GkNoticeListModel *self,
                  guint              first,
                  guint              limit,
                  gboolean          *ok)
{
  g_autoptr(GArray) walked = NULL;
  gboolean last_page = first + limit == self->n_items;

  *ok = TRUE;
  if (self->ids != NULL)
    return read_by_ids (self, &g_array_index (self->ids, gint64, first), limit, ok);

  /* The first page, and the last once the count is known. */
  if (!self->many || (first != 0 && !(last_page && self->counted)))
    return NULL;
  walked = walk_matches (self, limit, first != 0);
  if (walked == NULL)
    return NULL;
  if (first != 0)
    for (guint i = 0; i < walked->len / 2; i++)
      {
        gint64 swap = g_array_index (walked, gint64, i);

        g_array_index (walked, gint64, i) = g_array_index (walked, gint64, walked->len - 1 - i);
        g_array_index (walked, gint64, walked->len - 1 - i) = swap;
      }
  return read_by_ids (self, (const gint64 *) walked->data, walked->len, ok);
}

static Page *
find_page (GkNoticeListModel *self,
           guint              index)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (((Page *) g_ptr_array_index (self->pages, i))->index == index)
      return g_ptr_array_index (self->pages, i);
  return NULL;
}

/* The notice next to page INDEX in a page held whole: the last of the
 * page before, or else the first of the page after (then FROM_END, the
 * page is read backwards from it); NULL when neither is held. */
static GkNotice *
find_edge (GkNoticeListModel *self,
           guint              index,
           gboolean          *from_end)
{
  Page *before = index > 0 ? find_page (self, index - 1) : NULL;
  Page *after = find_page (self, index + 1);

  if (before != NULL && before->notices->len == GK_NOTICE_LIST_MODEL_PAGE_SIZE)
    {
      *from_end = FALSE;
      return g_ptr_array_index (before->notices, before->notices->len - 1);
    }
  if (after != NULL && after->notices->len == MIN (GK_NOTICE_LIST_MODEL_PAGE_SIZE,
                                                    self->n_items - after->index * GK_NOTICE_LIST_MODEL_PAGE_SIZE))
    {
      *from_end = TRUE;
      return g_ptr_array_index (after->notices, 0);
    }
  return NULL;
}

/* Reads page INDEX; NULL when the database fails (said once, as a
 * warning: GListModel has no way to return an error). */
static Page *
read_page (GkNoticeListModel *self,
           guint              index)
{
  guint first = index * GK_NOTICE_LIST_MODEL_PAGE_SIZE;
  guint limit = MIN (GK_NOTICE_LIST_MODEL_PAGE_SIZE, self->n_items - first);
  /* From the end only once the end is known. */
  gboolean from_end = self->counted && first + limit / 2 > self->n_items / 2;
  g_autoptr(GPtrArray) notices = NULL;
  gboolean ok = TRUE;
  Page *page;

  notices = read_page_by_ids (self, first, limit, &ok);
  if (notices == NULL && ok)
    {
      GkNotice *edge = find_edge (self, index, &from_end);
      sqlite3_stmt *stmt = edge != NULL ? (from_end ? self->before : self->after)
                                        : (from_end ? self->backward : self->forward);
      int rc;

      notices = g_ptr_array_new_full (limit, g_object_unref);
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), (int) limit);
      if (edge != NULL)
        {
          sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":key"), gk_notice_get_date (edge), -1,
                             SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), gk_notice_get_id (edge));
          sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), 0);
        }
      else
        sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                          (int) (from_end ? self->n_items - first - limit : first));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (notices, gk_notice_new_from_row (stmt));
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE;
      if (ok && from_end)
        for (guint i = 0; i < notices->len / 2; i++)
          {
            gpointer swap = notices->pdata[i];

            notices->pdata[i] = notices->pdata[notices->len - 1 - i];
            notices->pdata[notices->len - 1 - i] = swap;
          }
    }
  if (!ok)
    {
      g_autoptr(GError) error = NULL;

      gk_database_set_error (self->db, &error, _("Cannot read the notices"));
      g_warning ("%s", error->message);
      return NULL;
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
  Page *page = find_page (self, index);

  if (page == NULL)
    {
      guint oldest = 0;

      page = read_page (self, index);
      if (page == NULL)
        return NULL;
      for (guint i = 1; i < self->pages->len; i++)
        if (((Page *) g_ptr_array_index (self->pages, i))->used <
            ((Page *) g_ptr_array_index (self->pages, oldest))->used)
          oldest = i;
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
gk_notice_list_model_dispose (GObject *object)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (object);

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);

  G_OBJECT_CLASS (gk_notice_list_model_parent_class)->dispose (object);
}

static void
gk_notice_list_model_finalize (GObject *object)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (object);

  clear_statements (self);
  g_clear_pointer (&self->by_ids, sqlite3_finalize);
  g_ptr_array_unref (self->pages);
  g_clear_pointer (&self->ids, g_array_unref);
  gk_notice_query_free (self->query);
  g_free (self->needle);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (gk_notice_list_model_parent_class)->finalize (object);
}

static void
gk_notice_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_COUNTING:
      g_value_set_boolean (value, !self->counted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_notice_list_model_class_init (GkNoticeListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_notice_list_model_dispose;
  object_class->finalize = gk_notice_list_model_finalize;
  object_class->get_property = gk_notice_list_model_get_property;

  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_notice_list_model_init (GkNoticeListModel *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->query = gk_notice_query_copy (NULL);
  self->counted = TRUE;
  self->count_limit = GK_NOTICE_LIST_MODEL_COUNT_LIMIT;
}

/* ---- the count on a worker ---- */

typedef struct
{
  char          *path;
  GkNoticeQuery *query;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->path);
  gk_notice_query_free (job->query);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(GkDatabase) db = NULL;
  GError *error = NULL;
  gint64 count = -1;

  db = gk_database_open_full (job->path, NULL, GK_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    count = gk_notices_count (db, job->query, &error);
  if (count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, (gssize) MIN (count, (gint64) G_MAXUINT - 1));
}

static void
set_counted (GkNoticeListModel *self,
             guint              count)
{
  guint before = self->n_items;

  self->n_items = count;
  self->counted = TRUE;
  g_clear_object (&self->counting);
  if (count != before)
    g_list_model_items_changed (G_LIST_MODEL (self), MIN (before, count),
                                before > count ? before - count : 0,
                                count > before ? count - before : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GkNoticeListModel *self = GK_NOTICE_LIST_MODEL (source);
  g_autoptr(GError) error = NULL;
  gssize count = g_task_propagate_int (G_TASK (result), &error);

  /* Another query took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The worker could not open the file (it was moved): count here. */
  if (error != NULL)
    count = gk_notices_count (self->db, self->query, NULL);
  set_counted (self, count >= 0 ? (guint) count : self->n_items);
}

static void
count_in_worker (GkNoticeListModel *self)
{
  g_autoptr(GTask) task = NULL;
  CountJob *job = g_new0 (CountJob, 1);

  job->path = g_strdup (gk_database_get_path (self->db));
  job->query = gk_notice_query_copy (self->query);
  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, on_counted, NULL);
  g_task_set_source_tag (task, count_in_worker);
  g_task_set_task_data (task, job, (GDestroyNotify) count_job_free);
  g_task_run_in_thread (task, count_thread);
}

/* Counts and prepares QUERY; the model changes only when both work. */
static gboolean
load (GkNoticeListModel    *self,
      const GkNoticeQuery  *query,
      GError              **error)
{
  sqlite3_stmt *statements[4] = { NULL };
  g_autoptr(GArray) ids = NULL;
  g_autofree char *needle = search_alone (query);
  gboolean was_counting = !self->counted;
  gboolean counted = TRUE;
  gint64 count;
  guint removed = self->n_items;

  if (query->waiting_for > 0)
    {
      if ((ids = read_ids (self->db, query, error)) == NULL)
        return FALSE;
      count = ids->len;
    }
  else
    {
      if (needle != NULL)
        {
          count = count_matches (self->db, needle, (gint64) self->count_limit + 1, error);
          counted = count <= self->count_limit;
        }
      else
        count = gk_notices_count (self->db, query, error);
      if (count < 0 ||
          !prepare_pages (self->db, query, count > GK_NOTICE_LIST_MODEL_SORT_LIMIT, statements, error))
        return FALSE;
    }

  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  if (query != self->query)
    {
      gk_notice_query_free (self->query);
      self->query = gk_notice_query_copy (query);
    }
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  self->many = !counted;
  clear_statements (self);
  self->forward = statements[0];
  self->backward = statements[1];
  self->after = statements[2];
  self->before = statements[3];
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->pages, 0);
  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT - 1);
  self->counted = counted;

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  if (!counted)
    count_in_worker (self);
  if (was_counting != !counted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
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

gboolean
gk_notice_list_model_is_counting (GkNoticeListModel *self)
{
  g_return_val_if_fail (GK_IS_NOTICE_LIST_MODEL (self), FALSE);

  return !self->counted;
}

void
gk_notice_list_model_set_count_limit (GkNoticeListModel *self,
                                      guint              limit)
{
  g_return_if_fail (GK_IS_NOTICE_LIST_MODEL (self));

  self->count_limit = limit;
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

  /* The ids are at hand. */
  if (self->ids != NULL)
    {
      for (guint i = 0; i < self->ids->len; i++)
        if (g_array_index (self->ids, gint64, i) == notice_id)
          return i;
      return G_MAXUINT;
    }

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
