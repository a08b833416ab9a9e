/* gk-attention-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-obligations.h"
#include "gk-attention-toast.h"

static void
on_attention_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) overlay = user_data;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *title = NULL;
  guint overdue = 0, this_week = 0;
  AdwToast *toast;

  obligations = gk_obligations_attention_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (obligations == NULL)
    {
      g_warning ("Cannot read what is due: %s", error->message);
      return;
    }
  for (guint i = 0; i < obligations->len; i++)
    {
      GkObligation *obligation = g_ptr_array_index (obligations, i);

      if (obligation->status == GK_OBLIGATION_OVERDUE)
        overdue++;
      else
        this_week++;
    }
  if (overdue + this_week == 0)
    return;

  overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disclosure overdue",
                                               "%u disclosures overdue", overdue), overdue);
  week_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due this week",
                                            "%u due this week", this_week), this_week);
  if (overdue > 0 && this_week > 0)
    /* Translators: the start-up toast: "3 disclosures overdue, 1 due this week" */
    title = g_strdup_printf (_("%s, %s"), overdue_text, week_text);
  else
    title = g_strdup (overdue > 0 ? overdue_text : week_text);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show Calendar"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("calendar"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
gk_attention_toast_show (GkContext       *context,
                         AdwToastOverlay *overlay,
                         GCancellable    *cancellable)
{
  gint64 person_id;

  g_return_if_fail (GK_IS_CONTEXT (context));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  person_id = gk_context_get_person_id (context);
  if (person_id <= 0)
    return;

  gk_obligations_attention_async (gk_context_get_database (context), person_id, NULL, cancellable,
                                  on_attention_read, g_object_ref (overlay));
}
