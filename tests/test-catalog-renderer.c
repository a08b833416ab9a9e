/* The catalog printed as the annex: the template's 45 items read back with
 * Poppler, the heading, the page size, every character inside the margins,
 * the same bytes twice, and the filing in the heading. */

#include <poppler.h>
#include <string.h>

#include "core/gk-catalog.h"
#include "core/gk-catalog-filing.h"
#include "core/gk-directory.h"
#include "pdf/gk-catalog-print.h"
#include "pdf/gk-catalog-renderer.h"
#include "gk-test-util.h"

#define MM (72.0 / 25.4)

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static GBytes *
render_catalog (GkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalogRenderer) renderer = NULL;
  GkCatalogTable *table;
  gint64 catalog_id;
  GBytes *pdf;

  catalog_id = gk_catalog_get_default (db, &error);
  g_assert_no_error (error);
  table = gk_catalog_print_table (db, catalog_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  renderer = gk_catalog_renderer_new (table);
  pdf = gk_catalog_renderer_render_pdf (renderer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The numbers printed in the 序号 column of a page: Poppler runs a row's
 * cells together, so the column is picked out by position. */
static void
collect_numbers (PopplerDocument *document,
                 int              index,
                 GHashTable      *numbers)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  guint n_rects = 0, k = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (const char *p = text; *p != '\0' && k < n_rects; p = g_utf8_next_char (p), k++)
    {
      double x = (rects[k].x1 + rects[k].x2) / 2;
      gboolean in_column = x > 52 * MM && x < 64 * MM && g_ascii_isdigit (*p);

      if (in_column)
        g_string_append_c (digits, *p);
      if ((!in_column || p[1] == '\0') && digits->len > 0)
        {
          guint64 number;

          g_assert_true (g_ascii_string_to_unsigned (digits->str, 10, 1, 45, &number, NULL));
          g_hash_table_add (numbers, GUINT_TO_POINTER ((guint) number));
          g_string_truncate (digits, 0);
        }
    }
}

static void
test_template (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GBytes) pdf = render_catalog (db);
  g_autoptr(GBytes) again = render_catalog (db);
  g_autoptr(PopplerDocument) document = open_pdf (pdf);
  g_autofree char *text = document_text (document);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  int n_pages = poppler_document_get_n_pages (document);

  g_assert_true (g_bytes_equal (pdf, again));
  g_assert_cmpint (n_pages, >=, 2);

  g_assert_nonnull (strstr (text, "中共晋中学院委员会党务公开目录"));
  g_assert_nonnull (strstr (text, "共45项"));
  g_assert_nonnull (strstr (text, "尚未备案"));
  g_assert_nonnull (strstr (text, "党费收缴、管理和使用情况"));
  g_assert_nonnull (strstr (text, "公开范围"));

  /* Every number 1 … 45 in the 序号 column (28 + 24 … 28 + 36 mm). */
  for (int i = 0; i < n_pages; i++)
    collect_numbers (document, i, numbers);
  g_assert_cmpuint (g_hash_table_size (numbers), ==, 45);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree PopplerRectangle *rects = NULL;
      g_autofree char *page_text = poppler_page_get_text (page);
      /* Poppler drops the spaces of "— N —". */
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);
      guint n_rects = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 210 * MM, 0.5);
      g_assert_cmpfloat_with_epsilon (height, 297 * MM, 0.5);
      g_autoptr(GString) packed = g_string_new (page_text);

      g_string_replace (packed, " ", "", 0);
      g_assert_nonnull (strstr (packed->str, number));

      /* GB/T 9704: left 28 mm, right 26 mm, top 37 mm; the table ends in
       * the text block (bottom 35 mm); the page number sits under it, clear
       * of the block and of the paper's edge. */
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      g_assert_cmpuint (n_rects, >, 0);
      for (guint k = 0; k < n_rects; k++)
        {
          PopplerRectangle *r = &rects[k];

          if (r->x2 - r->x1 <= 0.01)
            continue;   /* line breaks */
          g_assert_cmpfloat (r->x1, >=, 28 * MM - 0.5);
          g_assert_cmpfloat (r->x2, <=, (210 - 26) * MM + 0.5);
          g_assert_cmpfloat (r->y1, >=, 37 * MM - 0.5);
          g_assert_cmpfloat (r->y2, <=, (297 - 20) * MM);
          g_assert_true (r->y2 <= (297 - 35) * MM + 0.5 || r->y1 >= (297 - 35 + 3) * MM);
        }
    }
}

static gboolean
add_party_office (GkDatabase *db,
                  gpointer    user_data,
                  GError    **error)
{
  gint64 *person = user_data;
  gint64 office = gk_directory_find_organization (db, "党办", error);

  return office != 0 &&
         (*person = gk_directory_add_person (db, "孙主任", NULL, NULL, error)) != 0 &&
         gk_directory_add_role (db, *person, office, "party-office", error);
}

static void
test_filed (void)
{
  g_autoptr(GkDatabase) db = gk_test_template_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *filed = NULL;
  gint64 person = 0, catalog_id, filing_id;

  gk_database_write (db, add_party_office, &person, &error);
  g_assert_no_error (error);
  catalog_id = gk_catalog_get_default (db, &error);
  g_assert_no_error (error);
  filing_id = gk_catalog_file (db, person, catalog_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (filing_id, >, 0);

  pdf = render_catalog (db);
  document = open_pdf (pdf);
  text = document_text (document);
  filed = g_strdup_printf ("备案（第%" G_GINT64_FORMAT "号", filing_id);
  g_assert_nonnull (strstr (text, filed));
  g_assert_null (strstr (text, "尚未备案"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog-renderer/template", test_template);
  g_test_add_func ("/catalog-renderer/filed", test_filed);

  return g_test_run ();
}
