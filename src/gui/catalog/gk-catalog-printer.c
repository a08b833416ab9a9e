/* gk-catalog-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "preview/gk-notice-exporter.h"
#include "preview/gk-pdf-print-operation.h"
#include "gk-catalog-printer.h"

typedef struct
{
  GtkWindow         *parent;
  GkCatalogRenderer *renderer;
  char              *title;
  GBytes            *pdf;
  gboolean           export;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->renderer);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job->title);
  g_free (job);
}

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_print_operation (PrintJob *job)
{
  g_autoptr(GtkPageSetup) setup = gk_pdf_print_page_setup_new (GTK_PAPER_NAME_A4);
  double width_mm, height_mm;

  gk_catalog_renderer_get_page_size_mm (job->renderer, &width_mm, &height_mm);
  gk_pdf_print_operation_run (job->parent, G_OBJECT (job->renderer),
                              (GkPdfPrintDrawFunc) gk_catalog_renderer_draw_page,
                              gk_catalog_renderer_get_n_pages (job->renderer), width_mm, height_mm,
                              setup, job->title, _("Could Not Print the Catalog"));
}

/* In a worker: paginating (print) or the whole PDF (export). */
static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PrintJob *job = task_data;
  GError *error = NULL;

  if (job->export)
    {
      job->pdf = gk_catalog_renderer_render_pdf (job->renderer, &error);
      if (job->pdf == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    gk_catalog_renderer_get_n_pages (job->renderer);
  g_task_return_boolean (task, TRUE);
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PrintJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (job->parent, job->export ? _("Could Not Save the PDF") : _("Could Not Print the Catalog"), error);
  else if (!job->export)
    run_print_operation (job);
  else
    gk_notice_exporter_save (job->parent, job->pdf, job->title);
  print_job_free (job);
}

static void
start (GtkWindow      *parent,
       GkCatalogTable *table,
       gboolean        export)
{
  g_autoptr(GTask) task = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->title = g_strdup (table->title);
  job->renderer = gk_catalog_renderer_new (table);
  job->export = export;

  /* The renderer goes to the worker and comes back when it is done. */
  task = g_task_new (NULL, NULL, on_laid_out, job);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, layout_thread);
}

void
gk_catalog_printer_print (GtkWindow      *parent,
                          GkCatalogTable *table)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (table != NULL);

  start (parent, table, FALSE);
}

void
gk_catalog_printer_export_pdf (GtkWindow      *parent,
                               GkCatalogTable *table)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (table != NULL);

  start (parent, table, TRUE);
}
