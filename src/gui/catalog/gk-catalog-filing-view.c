/* gk-catalog-filing-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-catalog-csv.h"
#include "pdf/gk-catalog-print.h"
#include "gk-catalog-filing-view.h"
#include "gk-catalog-history.h"
#include "gk-catalog-list-window.h"

char *
gk_catalog_filing_view_describe (const GkCatalogFiling *filing)
{
  g_autofree char *date = NULL;

  if (filing == NULL)
    return g_strdup (_("This catalog has not been filed with the party office yet."));

  date = gk_catalog_print_date (filing->filed_at, NULL);
  if (filing->changes_since == 0)
    /* Translators: 已于 DATE 由 PERSON 备案；此后未作调整 */
    return g_strdup_printf (_("Filed on %s by %s; no changes since"),
                            date != NULL ? date : filing->filed_at, filing->filed_by_name);
  /* Translators: 已于 DATE 由 PERSON 备案；此后 N 处调整 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filed on %s by %s; %u change since",
                                       "Filed on %s by %s; %u changes since", filing->changes_since),
                          date != NULL ? date : filing->filed_at, filing->filed_by_name,
                          filing->changes_since);
}

void
gk_catalog_filing_view_show_differences (GtkWindow  *parent,
                                         GkDatabase *db,
                                         gint64      catalog_id,
                                         const char *catalog_name)
{
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GkCatalogFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GkCatalogListWindow *window;

  g_return_if_fail (GK_IS_DATABASE (db));

  filing = gk_catalog_last_filing (db, catalog_id, &error);
  if (filing != NULL)
    diffs = gk_catalog_diff_filed (db, catalog_id, &error);
  if (diffs == NULL)
    description = g_strdup (error != NULL ? error->message : gk_catalog_filing_view_describe (NULL));
  else if (diffs->len == 0)
    description = g_strdup (_("The catalog is as it was filed."));
  else
    description = gk_catalog_filing_view_describe (filing);

  window = gk_catalog_list_window_new (parent, _("Differences from the Filed Catalog"),
                                       catalog_name, description);
  for (guint i = 0; diffs != NULL && i < diffs->len; i++)
    {
      GkCatalogDiff *diff = g_ptr_array_index (diffs, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      switch (diff->kind)
        {
        case GK_CATALOG_DIFF_ADDED:
          title = g_strdup_printf (_("Item %u added"), diff->number);
          gk_catalog_list_window_add_row (window, "list-add-symbolic", _("Added"), title, diff->new_value);
          break;
        case GK_CATALOG_DIFF_REMOVED:
          title = g_strdup_printf (_("Item %u removed"), diff->number);
          gk_catalog_list_window_add_row (window, "list-remove-symbolic", _("Removed"), title, diff->old_value);
          break;
        case GK_CATALOG_DIFF_CHANGED:
        default:
          {
            g_autofree char *old_value = gk_catalog_history_value (diff->field, diff->old_value);
            g_autofree char *new_value = gk_catalog_history_value (diff->field, diff->new_value);

            /* Translators: item N, which field changed */
            title = g_strdup_printf (_("Item %u: %s"), diff->number, gk_catalog_history_field_label (diff->field));
            subtitle = g_strdup_printf ("%s → %s", old_value, new_value);
            gk_catalog_list_window_add_row (window, "document-edit-symbolic", _("Changed"), title, subtitle);
          }
          break;
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}
