/* gk-notice-printer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-application.h"
#include "gk-notice-printer.h"
#include "gk-pdf-print-operation.h"

typedef struct
{
  GtkWindow        *parent;
  GkNoticeRenderer *renderer;
  GkNoticeLayout    layout;
  char             *title;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->renderer);
  g_free (job->title);
  g_free (job);
}

/* The a3 layout is drawn for A3 boards; the others go on the paper of the
 * preferences, an A4 notice scaled up on A3. */
static GtkPageSetup *
page_setup_for_layout (GkNoticeLayout layout)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = GK_IS_APPLICATION (app) ? gk_application_get_settings (GK_APPLICATION (app)) : NULL;
  g_autofree char *paper = settings != NULL ? g_settings_get_string (settings, "paper") : NULL;
  gboolean a3 = layout == GK_NOTICE_LAYOUT_A3 || g_strcmp0 (paper, "a3") == 0;

  return gk_pdf_print_page_setup_new (a3 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
}

static void
run_print_operation (PrintJob *job)
{
  g_autoptr(GtkPageSetup) setup = page_setup_for_layout (job->layout);
  double width_mm, height_mm;

  gk_notice_renderer_get_page_size_mm (job->renderer, &width_mm, &height_mm);
  gk_pdf_print_operation_run (job->parent, G_OBJECT (job->renderer),
                              (GkPdfPrintDrawFunc) gk_notice_renderer_draw_page,
                              gk_notice_renderer_get_n_pages (job->renderer), width_mm, height_mm,
                              setup, job->title, _("Could Not Print the Notice"));
  print_job_free (job);
}

static void
paginate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  gk_notice_renderer_get_n_pages (GK_NOTICE_RENDERER (task_data));
  g_task_return_boolean (task, TRUE);
}

static void
on_paginated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
  run_print_operation (user_data);
}

void
gk_notice_printer_print (GtkWindow             *parent,
                         const GkNoticeContent *content,
                         GkNoticeLayout         layout)
{
  g_autoptr(GTask) task = NULL;
  PrintJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (content != NULL);

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->renderer = gk_notice_renderer_new (content, layout);
  job->layout = layout;
  job->title = g_strdup (content->title);

  /* Laying out the pages is the slow part: it runs in a worker, and the
   * renderer comes back to this thread only when it is done. */
  task = g_task_new (NULL, NULL, on_paginated, job);
  g_task_set_source_tag (task, gk_notice_printer_print);
  g_task_set_task_data (task, g_object_ref (job->renderer), g_object_unref);
  g_task_run_in_thread (task, paginate_thread);
}
