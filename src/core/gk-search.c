/* gk-search.c: notice and catalog search — the FTS5 trigram index for
 * queries of three or more characters, and the gk_grams tokenizer for
 * shorter ones
 *
 * A bigram table (one row per pair of characters and notice) answers the
 * same questions, but at 100 000 notices it is some 12 million rows and a
 * quarter of a gigabyte; an FTS5 index of the same grams without positions
 * stores a delta-coded list of row ids per gram, about 20 MB, and counts a
 * gram found in most notices in a few milliseconds.
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/gk-search.h"

#define GRAMS_TOKENIZER "gk_grams"

char *
gk_search_fts_phrase (const char *query)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

gboolean
gk_search_use_index (const char *query)
{
  return g_utf8_strlen (query, -1) >= GK_SEARCH_MIN_TRIGRAM_CHARS;
}

/* ---- the gk_grams tokenizer ---- */

/* The bytes of the character at P, never past END; invalid UTF-8 is cut
 * the same way in the index and in a query, which is all that matters. */
static int
char_length (const unsigned char *p,
             const unsigned char *end)
{
  int length = *p < 0xc0 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;

  return (int) MIN ((gintptr) length, end - p);
}

static gboolean
is_ascii_space (unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
grams_create (void            *context,
              const char     **argv,
              int              argc,
              Fts5Tokenizer  **tokenizer)
{
  /* Stateless: any non-NULL pointer will do. */
  *tokenizer = (Fts5Tokenizer *) context;
  return SQLITE_OK;
}

static void
grams_delete (Fts5Tokenizer *tokenizer)
{
}

/* Every character and every pair of adjacent characters of TEXT, ASCII
 * letters in lower case (as lower() folds them). A query (1–2 characters
 * after trimming) is one token: itself. Grams with ASCII white space are
 * left out: a trimmed query of one or two characters never has any. */
static int
grams_tokenize (Fts5Tokenizer *tokenizer,
                void          *context,
                int            flags,
                const char    *text,
                int            length,
                int          (*token) (void *, int, const char *, int, int, int))
{
  g_autofree char *folded = NULL;
  const unsigned char *p, *end;
  int rc = SQLITE_OK;

  if (length <= 0)
    return SQLITE_OK;

  folded = g_memdup2 (text, (gsize) length);
  for (int i = 0; i < length; i++)
    if (folded[i] >= 'A' && folded[i] <= 'Z')
      folded[i] += 'a' - 'A';

  if (flags & FTS5_TOKENIZE_QUERY)
    return token (context, 0, folded, length, 0, length);

  p = (const unsigned char *) folded;
  end = p + length;
  while (p < end && rc == SQLITE_OK)
    {
      int first = char_length (p, end);
      int start = (int) (p - (const unsigned char *) folded);

      if (!is_ascii_space (*p))
        {
          rc = token (context, 0, (const char *) p, first, start, start + first);
          if (rc == SQLITE_OK && p + first < end && !is_ascii_space (p[first]))
            {
              int second = char_length (p + first, end);

              rc = token (context, 0, (const char *) p, first + second, start, start + first + second);
            }
        }
      p += first;
    }
  return rc;
}

static fts5_tokenizer grams_tokenizer = { grams_create, grams_delete, grams_tokenize };

static fts5_api *
fts5_api_of (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

static int
register_grams (sqlite3                          *handle,
                char                            **message,
                const struct sqlite3_api_routines *routines)
{
  static int context;
  fts5_api *api = fts5_api_of (handle);

  if (api == NULL)
    return SQLITE_OK;  /* no FTS5: the schema's own CREATE fails, clearly */
  return api->xCreateTokenizer (api, GRAMS_TOKENIZER, &context, &grams_tokenizer, NULL);
}

/* Before main(): every connection of the process, the app's, the CLI's
 * and the tests', needs the tokenizer, from the migration that creates
 * notices_grams to every search. */
__attribute__((constructor)) static void
register_on_every_connection (void)
{
  sqlite3_auto_extension ((void (*) (void)) register_grams);
}

/* ---- searching notices ---- */

const char *
gk_search_notice_condition (const char *query)
{
  g_return_val_if_fail (query != NULL && query[0] != '\0', NULL);

  if (gk_search_use_index (query))
    return "n.id IN (SELECT rowid FROM notices_fts WHERE notices_fts MATCH :search)";
  return "n.id IN (SELECT rowid FROM notices_grams WHERE notices_grams MATCH :search)";
}

const char *
gk_search_notice_count_sql (const char *query)
{
  g_return_val_if_fail (query != NULL && query[0] != '\0', NULL);

  if (gk_search_use_index (query))
    return "SELECT count(*) FROM notices_fts WHERE notices_fts MATCH :search";
  return "SELECT count(*) FROM notices_grams WHERE notices_grams MATCH :search";
}

const char *
gk_search_notice_ids_sql (const char *query)
{
  g_return_val_if_fail (query != NULL && query[0] != '\0', NULL);

  if (gk_search_use_index (query))
    return "SELECT rowid FROM notices_fts WHERE notices_fts MATCH :search";
  return "SELECT rowid FROM notices_grams WHERE notices_grams MATCH :search";
}

const char *
gk_search_notice_range_sql (const char *query)
{
  g_return_val_if_fail (query != NULL && query[0] != '\0', NULL);

  if (gk_search_use_index (query))
    return "SELECT rowid FROM notices_fts WHERE notices_fts MATCH :search AND rowid BETWEEN :low AND :high";
  return "SELECT rowid FROM notices_grams WHERE notices_grams MATCH :search AND rowid BETWEEN :low AND :high";
}

char *
gk_search_notice_parameter (const char *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return gk_search_fts_phrase (query);
}

/* ---- keeping the indexes ----
 *
 * A new notice is only inserted: FTS5 flushes its pending terms whenever
 * a write switches between deleting and inserting, so INSERT OR REPLACE
 * (a delete, then an insert) would write a tiny segment per notice. */

typedef struct
{
  GkDatabase   *db;
  sqlite3_stmt *old_text;
  sqlite3_stmt *forget_grams;
  sqlite3_stmt *forget_trigrams;
  sqlite3_stmt *put_trigrams;
  sqlite3_stmt *put_grams;
} GkSearchIndexer;

static void gk_search_indexer_free (GkSearchIndexer *indexer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkSearchIndexer, gk_search_indexer_free)

static GkSearchIndexer *
gk_search_indexer_new (GkDatabase  *db,
                       GError     **error)
{
  g_autoptr(GkSearchIndexer) indexer = g_new0 (GkSearchIndexer, 1);

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  indexer->db = g_object_ref (db);
  /* notices_grams keeps no text: the words to remove are those the
   * trigram table still holds. */
  if ((indexer->old_text = gk_database_prepare (db, "SELECT title, body FROM notices_fts WHERE rowid = ?", error)) == NULL ||
      (indexer->forget_grams = gk_database_prepare (db,
                                                    "INSERT INTO notices_grams (notices_grams, rowid, title, body)"
                                                    " VALUES ('delete', ?, ?, ?)", error)) == NULL ||
      (indexer->forget_trigrams = gk_database_prepare (db, "DELETE FROM notices_fts WHERE rowid = ?", error)) == NULL ||
      (indexer->put_trigrams = gk_database_prepare (db, "INSERT INTO notices_fts (rowid, title, body) VALUES (?, ?, ?)",
                                                    error)) == NULL ||
      (indexer->put_grams = gk_database_prepare (db, "INSERT INTO notices_grams (rowid, title, body) VALUES (?, ?, ?)",
                                                 error)) == NULL)
    return NULL;
  return g_steal_pointer (&indexer);
}

static gboolean
run (GkSearchIndexer  *indexer,
     sqlite3_stmt     *stmt,
     GError          **error)
{
  gboolean ok = gk_database_step_done (indexer->db, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
gk_search_indexer_update (GkSearchIndexer  *indexer,
                          gint64            notice_id,
                          const char       *title,
                          const char       *body,
                          GError          **error)
{
  g_autofree char *old_title = NULL;
  g_autofree char *old_body = NULL;
  int rc;

  g_return_val_if_fail (indexer != NULL, FALSE);
  g_return_val_if_fail (gk_database_in_write (indexer->db), FALSE);

  if (body == NULL)
    body = "";

  sqlite3_bind_int64 (indexer->old_text, 1, notice_id);
  rc = sqlite3_step (indexer->old_text);
  if (rc == SQLITE_ROW)
    {
      old_title = g_strdup ((const char *) sqlite3_column_text (indexer->old_text, 0));
      old_body = g_strdup ((const char *) sqlite3_column_text (indexer->old_text, 1));
    }
  sqlite3_reset (indexer->old_text);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      gk_database_set_error (indexer->db, error, _("Cannot update the search index"));
      return FALSE;
    }

  if (old_title != NULL)
    {
      sqlite3_bind_int64 (indexer->forget_grams, 1, notice_id);
      sqlite3_bind_text (indexer->forget_grams, 2, old_title, -1, SQLITE_STATIC);
      sqlite3_bind_text (indexer->forget_grams, 3, old_body, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (indexer->forget_trigrams, 1, notice_id);
      if (!run (indexer, indexer->forget_grams, error) ||
          !run (indexer, indexer->forget_trigrams, error))
        return FALSE;
    }

  sqlite3_bind_int64 (indexer->put_trigrams, 1, notice_id);
  sqlite3_bind_text (indexer->put_trigrams, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (indexer->put_trigrams, 3, body, -1, SQLITE_STATIC);
  if (!run (indexer, indexer->put_trigrams, error))
    return FALSE;

  sqlite3_bind_int64 (indexer->put_grams, 1, notice_id);
  sqlite3_bind_text (indexer->put_grams, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (indexer->put_grams, 3, body, -1, SQLITE_STATIC);
  return run (indexer, indexer->put_grams, error);
}

static void
gk_search_indexer_free (GkSearchIndexer *indexer)
{
  if (indexer == NULL)
    return;
  sqlite3_finalize (indexer->old_text);
  sqlite3_finalize (indexer->forget_grams);
  sqlite3_finalize (indexer->forget_trigrams);
  sqlite3_finalize (indexer->put_trigrams);
  sqlite3_finalize (indexer->put_grams);
  g_clear_object (&indexer->db);
  g_free (indexer);
}

gboolean
gk_search_index_notice (GkDatabase  *db,
                        gint64       notice_id,
                        const char  *title,
                        const char  *body,
                        GError     **error)
{
  g_autoptr(GkSearchIndexer) indexer = gk_search_indexer_new (db, error);

  return indexer != NULL && gk_search_indexer_update (indexer, notice_id, title, body, error);
}

gboolean
gk_search_index_new_notices (GkDatabase  *db,
                             gint64       first_id,
                             GError     **error)
{
  static const char * const sql[] = {
    "INSERT INTO notices_fts (rowid, title, body) SELECT id, title, body FROM notices WHERE id >= ?",
    "INSERT INTO notices_grams (rowid, title, body) SELECT id, title, body FROM notices WHERE id >= ?",
  };

  g_return_val_if_fail (gk_database_in_write (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first_id);
      if (!gk_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}
