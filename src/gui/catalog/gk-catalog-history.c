/* gk-catalog-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "core/gk-cadence.h"
#include "core/gk-catalog-edit.h"
#include "gk-catalog-history.h"
#include "gk-catalog-list-window.h"

char *
gk_catalog_history_when (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || (utc = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
gk_catalog_history_field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "number", N_("Number") },
    { "category", N_("Category") },
    { "content", N_("Content") },
    { "responsible", N_("Responsible") },
    { "audiences", N_("Audiences") },
    { "cadence", N_("Cadence") },
    { "state", N_("State") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field;
}

char *
gk_catalog_history_value (const char *field,
                          const char *value)
{
  if (value == NULL)
    return g_strdup (_("(none)"));
  if (g_strcmp0 (field, "cadence") == 0 && *value != '\0')
    return gk_cadence_describe (value);
  if (g_strcmp0 (field, "state") == 0)
    return g_strdup (g_str_equal (value, "retired") ? _("Retired") : _("Active"));
  return g_strdup (value);
}

void
gk_catalog_history_show (GtkWindow     *parent,
                         GkDatabase    *db,
                         GkCatalogItem *item)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  GkCatalogListWindow *window;

  g_return_if_fail (GK_IS_DATABASE (db));
  g_return_if_fail (GK_IS_CATALOG_ITEM (item));

  subtitle = g_strdup_printf (_("Item %u: %s"), gk_catalog_item_get_number (item),
                              gk_catalog_item_get_content (item));
  revisions = gk_catalog_history (db, gk_catalog_item_get_id (item), &error);
  window = gk_catalog_list_window_new (parent, _("Item History"), subtitle,
                                       revisions == NULL ? error->message
                                       : revisions->len == 0 ? _("The item has not changed since the catalog was set up.")
                                       : NULL);

  for (guint i = revisions != NULL ? revisions->len : 0; i > 0; i--)
    {
      GkCatalogRevision *revision = g_ptr_array_index (revisions, i - 1);
      g_autofree char *when = gk_catalog_history_when (revision->at);
      g_autofree char *old_value = gk_catalog_history_value (revision->field, revision->old_value);
      g_autofree char *new_value = gk_catalog_history_value (revision->field, revision->new_value);
      g_autofree char *title = NULL;
      g_autofree char *details = NULL;
      const char *who = revision->person != NULL && *revision->person != '\0' ? revision->person : _("the system");

      /* Translators: one revision of a catalog item: field: old value → new value */
      title = revision->old_value != NULL
        ? g_strdup_printf (_("%s: %s → %s"), gk_catalog_history_field_label (revision->field), old_value, new_value)
        : g_strdup_printf (_("%s: %s (added)"), gk_catalog_history_field_label (revision->field), new_value);
      /* Translators: when, who and why a catalog item was changed */
      details = g_strdup_printf (_("%s · %s · Reason: %s"), when, who,
                                 revision->reason != NULL ? revision->reason : "");
      gk_catalog_list_window_add_row (window, NULL, NULL, title, details);
    }

  gtk_window_present (GTK_WINDOW (window));
}
