/* gk-notice-print.c: a notice from the database, printed */

#include <string.h>

#include "core/gk-dates.h"
#include "core/gk-notices.h"
#include "pdf/gk-fonts.h"
#include "pdf/gk-notice-print.h"

static char *
query_text (GkDatabase *db,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
gk_notice_print_expand (const char *pattern,
                        const char *org,
                        guint       year,
                        guint       number)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (pattern != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0';)
    {
      if (g_str_has_prefix (p, "{org}"))
        {
          g_string_append (out, org != NULL ? org : "");
          p += strlen ("{org}");
        }
      else if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append_printf (out, "%u", year);
          p += strlen ("{year}");
        }
      else if (g_str_has_prefix (p, "{n}"))
        {
          g_string_append_printf (out, "%u", number);
          p += strlen ("{n}");
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
pattern_or (const char *pattern,
            const char *fallback)
{
  return pattern != NULL && pattern[0] != '\0' ? pattern : fallback;
}

void
gk_notice_print_apply_patterns (GkDatabase      *db,
                                GkNoticeContent *content,
                                gint64           organization_id,
                                guint            number,
                                const char      *issuer,
                                const char      *doc_number,
                                const char      *signature)
{
  g_autofree char *name = NULL;
  g_autofree char *short_name = NULL;
  guint year;

  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (content != NULL);

  year = g_date_valid (&content->date) ? g_date_get_year (&content->date) : 0;
  name = query_text (db, "SELECT name FROM organizations WHERE id = ?", organization_id);
  short_name = query_text (db, "SELECT coalesce (short_name, name) FROM organizations WHERE id = ?",
                           organization_id);

  g_free (content->issuer);
  content->issuer = gk_notice_print_expand (pattern_or (issuer, GK_DEFAULT_REDHEAD_ISSUER),
                                            name, year, number);
  g_free (content->doc_number);
  content->doc_number = gk_notice_print_expand (pattern_or (doc_number, GK_DEFAULT_DOC_NUMBER_PATTERN),
                                                short_name, year, number);
  g_free (content->signature);
  content->signature = gk_notice_print_expand (pattern_or (signature, GK_DEFAULT_SIGNATURE),
                                               name, year, number);
}

void
gk_notice_print_set_organization (GkDatabase      *db,
                                  GkNoticeContent *content,
                                  gint64           organization_id,
                                  guint            number)
{
  g_autofree char *issuer = NULL;
  g_autofree char *doc_number = NULL;
  g_autofree char *signature = NULL;

  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (content != NULL);

  issuer = gk_database_get_setting (db, GK_SETTING_REDHEAD_ISSUER);
  doc_number = gk_database_get_setting (db, GK_SETTING_DOC_NUMBER_PATTERN);
  signature = gk_database_get_setting (db, GK_SETTING_SIGNATURE);
  gk_notice_print_apply_patterns (db, content, organization_id, number,
                                  issuer != NULL ? g_strstrip (issuer) : NULL,
                                  doc_number != NULL ? g_strstrip (doc_number) : NULL,
                                  signature != NULL ? g_strstrip (signature) : NULL);
}

GkNoticeLayout
gk_notice_print_layout (GkNotice *notice)
{
  GkNoticeLayout layout = GK_NOTICE_LAYOUT_BULLETIN;

  gk_notice_layout_from_string (gk_notice_get_layout (notice), &layout);
  return layout;
}

GkNoticeContent *
gk_notice_print_content (GkDatabase  *db,
                         GkNotice    *notice,
                         GError     **error)
{
  g_autoptr(GkNoticeContent) content = gk_notice_content_new ();
  const char *state = gk_notice_get_state (notice);
  const char *approval = gk_notice_get_approval_sha256 (notice);
  gint64 org = gk_notice_get_organization_id (notice);

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (GK_IS_NOTICE (notice), NULL);

  if (!gk_date_parse (gk_notice_get_planned_date (notice), &content->date, error))
    return NULL;

  content->title = g_strdup (gk_notice_get_title (notice));
  content->body = g_strdup (gk_notice_get_body (notice));
  content->audiences = g_strdup (gk_notice_get_audiences (notice));
  content->feedback = gk_database_get_setting (db, GK_SETTING_FEEDBACK_CHANNEL);
  gk_notice_print_set_organization (db, content, org,
                                    gk_notices_sequence_in_year (db, org, g_date_get_year (&content->date),
                                                                 gk_notice_get_id (notice)));

  content->draft = g_str_equal (state, "draft") || g_str_equal (state, "returned");
  if ((g_str_equal (state, "approved") || g_str_equal (state, "published")) && strlen (approval) >= 8)
    content->verification = g_strndup (approval, 8);

  return g_steal_pointer (&content);
}

GBytes *
gk_notice_print_render (const GkNoticeContent  *content,
                        GkNoticeLayout          layout,
                        char                  **sha256,
                        char                  **substitutions,
                        GError                **error)
{
  g_autoptr(GkNoticeRenderer) renderer = gk_notice_renderer_new (content, layout);
  g_autoptr(GBytes) pdf = gk_notice_renderer_render_pdf (renderer, error);

  if (pdf == NULL)
    return NULL;

  if (sha256 != NULL)
    *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

  if (substitutions != NULL)
    {
      g_autoptr(GPtrArray) subs = gk_notice_renderer_get_substitutions (renderer);
      g_autoptr(GString) report = g_string_new (NULL);

      for (guint i = 0; i < subs->len; i++)
        {
          g_autofree char *line = gk_font_substitution_describe (g_ptr_array_index (subs, i));

          g_string_append_printf (report, "%s%s", report->len ? "\n" : "", line);
        }
      *substitutions = g_string_free (g_steal_pointer (&report), FALSE);
    }
  return g_steal_pointer (&pdf);
}

gboolean
gk_notice_print_approval (const GkNoticeContent  *content,
                          GkNoticeLayout          layout,
                          char                  **approval,
                          char                  **posted,
                          char                  **font_report,
                          GError                **error)
{
  g_autoptr(GkNoticeContent) clean = gk_notice_content_copy (content);
  g_autoptr(GBytes) shown = NULL;
  g_autoptr(GBytes) printed = NULL;
  g_autofree char *approval_hash = NULL;

  clean->draft = FALSE;
  g_clear_pointer (&clean->verification, g_free);
  shown = gk_notice_print_render (clean, layout, &approval_hash, font_report, error);
  if (shown == NULL)
    return FALSE;

  clean->verification = g_strndup (approval_hash, 8);
  printed = gk_notice_print_render (clean, layout, posted, NULL, error);
  if (printed == NULL)
    return FALSE;

  *approval = g_steal_pointer (&approval_hash);
  return TRUE;
}
