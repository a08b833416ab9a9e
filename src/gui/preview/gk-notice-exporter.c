/* gk-notice-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "gk-notice-exporter.h"

typedef struct
{
  GtkWindow *parent;
  GBytes    *pdf;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* “TITLE.pdf”, without the characters file systems refuse in a name. */
static char *
suggested_name (const char *title)
{
  g_autofree char *base = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (*base == '\0')
    {
      g_free (base);
      /* Translators: the file name suggested for a notice without a title */
      base = g_strdup (_("notice"));
    }
  g_strdelimit (base, "/\\:*?\"<>|", '_');
  return g_strconcat (base, ".pdf", NULL);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (source));
      /* Translators: %s is the file, the second line why it failed */
      g_autofree char *body = g_strdup_printf (_("%s could not be written.\n%s"), name, error->message);
      GtkWidget *dialog = adw_message_dialog_new (job->parent, _("Could Not Save the PDF"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    g_file_replace_contents_bytes_async (file, job->pdf, NULL, FALSE,
                                         G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, on_written, job);
  else
    export_job_free (job);

  g_object_unref (native);
}

void
gk_notice_exporter_save (GtkWindow  *parent,
                         GBytes     *pdf,
                         const char *title)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (title);
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (pdf != NULL);

  job = g_new0 (ExportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->pdf = g_bytes_ref (pdf);

  native = gtk_file_chooser_native_new (_("Save Notice as PDF"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (on_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
