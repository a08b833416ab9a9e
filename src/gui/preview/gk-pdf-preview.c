/* gk-pdf-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pdf/gk-batch-export.h"
#include "pdf/gk-fonts.h"
#include "pdf/gk-pdf-page.h"
#include "gk-notice-exporter.h"
#include "gk-notice-printer.h"
#include "gk-pdf-preview.h"

/* Logical pixels per inch at 100 %: a CSS pixel. */
#define ACTUAL_DPI 96.0
#define MIN_DPI 24.0
#define MAX_DPI 400.0
/* The space around the page inside the scrolled window, in logical pixels. */
#define PAGE_MARGIN 12
/* A resize settles before the page is drawn again at the new size. */
#define RESIZE_DELAY_MS 150

typedef enum
{
  ZOOM_FIT_WIDTH,
  ZOOM_FIT_PAGE,
  ZOOM_ACTUAL,
} ZoomMode;

static const struct {
  const char *name;
  const char *label;
} zoom_modes[] = {
  [ZOOM_FIT_WIDTH] = { "fit-width", N_("Fit Width") },
  [ZOOM_FIT_PAGE] = { "fit-page", N_("Fit Page") },
  [ZOOM_ACTUAL] = { "100", N_("100 %") },
};

struct _GkPdfPreview
{
  GtkWidget              parent_instance;

  /* What the caller asked for last; NULL after clear. */
  GkNoticeContent       *content;
  GkNoticeLayout         layout;
  /* The notice CONTENT is of, when it is one (gk_pdf_preview_set_notice()). */
  GkNotice              *notice;
  /* TRUE until a render of CONTENT has finished: PDF is then older. */
  gboolean               content_changed;

  /* What the page on screen was made from. */
  GBytes                *pdf;
  GkNoticeContent       *shown_content;
  GkNoticeLayout         shown_layout;
  guint                  n_pages;

  guint                  page;
  ZoomMode               zoom;

  GCancellable          *cancellable;
  guint                  resize_id;
  /* The stack's size and scale factor the page was last asked for at;
   * a request made before the first allocation waits for it. */
  int                    asked_width;
  int                    asked_height;
  int                    asked_scale;
  gboolean               waiting_for_size;

  GPtrArray             *font_rows;

  GtkWidget             *box;
  GtkLabel              *page_label;
  GtkSpinner            *spinner;
  GtkMenuButton         *zoom_button;
  GtkStack              *stack;
  GtkPicture            *picture;
  AdwStatusPage         *error_page;
  GtkRevealer           *fonts_revealer;
  AdwExpanderRow        *fonts_row;
};

G_DEFINE_FINAL_TYPE (GkPdfPreview, gk_pdf_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One request to the worker: everything it reads is its own. */
typedef struct
{
  GkNoticeContent *content;
  GkNoticeLayout   layout;
  /* The PDF of CONTENT when only the page or the zoom changed, else NULL. */
  GBytes          *pdf;
  guint            n_pages;
  guint            page;
  ZoomMode         zoom;
  int              width;
  int              height;
  int              scale;
} RenderRequest;

typedef struct
{
  GBytes     *pdf;
  /* NULL when the PDF was reused: the fonts did not change. */
  GPtrArray  *substitutions;
  guint       n_pages;
  guint       page;
  GdkTexture *texture;
  int         width;
  int         height;
} RenderResult;

static void
render_request_free (RenderRequest *request)
{
  g_clear_pointer (&request->content, gk_notice_content_free);
  g_clear_pointer (&request->pdf, g_bytes_unref);
  g_free (request);
}

static void
render_result_free (RenderResult *result)
{
  g_clear_pointer (&result->pdf, g_bytes_unref);
  g_clear_pointer (&result->substitutions, g_ptr_array_unref);
  g_clear_object (&result->texture);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderResult, render_result_free)

/* Cairo's ARGB32 is premultiplied and native-endian, which is what
 * GDK_MEMORY_DEFAULT names (B8G8R8A8_PREMULTIPLIED on little-endian): the
 * texture shares the surface's pixels, and keeps the surface alive. */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Logical pixels per inch that make a page of WIDTH_MM × HEIGHT_MM follow
 * the zoom in a view of the request's size. */
static double
request_get_dpi (const RenderRequest *request,
                 double               width_mm,
                 double               height_mm)
{
  double by_width = (request->width - 2 * PAGE_MARGIN) * 25.4 / width_mm;
  double by_height = (request->height - 2 * PAGE_MARGIN) * 25.4 / height_mm;
  double dpi;

  switch (request->zoom)
    {
    case ZOOM_FIT_WIDTH:
      dpi = by_width;
      break;
    case ZOOM_FIT_PAGE:
      dpi = MIN (by_width, by_height);
      break;
    case ZOOM_ACTUAL:
    default:
      dpi = ACTUAL_DPI;
      break;
    }
  return CLAMP (dpi, MIN_DPI, MAX_DPI);
}

/* In a worker thread: the renderer and Poppler belong to this thread
 * alone for the whole task. */
static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderRequest *request = task_data;
  g_autoptr(RenderResult) result = g_new0 (RenderResult, 1);
  g_autoptr(GkNoticeRenderer) renderer = gk_notice_renderer_new (request->content, request->layout);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width_mm, height_mm, dpi;

  if (request->pdf != NULL)
    {
      result->pdf = g_bytes_ref (request->pdf);
      result->n_pages = request->n_pages;
    }
  else
    {
      result->pdf = gk_notice_renderer_render_pdf (renderer, &error);
      if (result->pdf == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      result->n_pages = gk_notice_renderer_get_n_pages (renderer);
      result->substitutions = gk_notice_renderer_get_substitutions (renderer);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  result->page = MIN (request->page, MAX (result->n_pages, 1) - 1);
  gk_notice_renderer_get_page_size_mm (renderer, &width_mm, &height_mm);
  dpi = request_get_dpi (request, width_mm, height_mm);

  surface = gk_pdf_render_page_image (result->pdf, result->page, dpi * request->scale, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result->texture = texture_from_surface (surface);
  result->width = cairo_image_surface_get_width (surface) / request->scale;
  result->height = cairo_image_surface_get_height (surface) / request->scale;
  cairo_surface_destroy (surface);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) render_result_free);
}

static void
gk_pdf_preview_update_actions (GkPdfPreview *self)
{
  gboolean shown = self->pdf != NULL && self->n_pages > 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "preview.previous-page", shown && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.next-page", shown && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "preview.print", shown);
  gtk_widget_action_set_enabled (widget, "preview.export", shown);
}

static void
gk_pdf_preview_update_page_label (GkPdfPreview *self)
{
  g_autofree char *text = NULL;

  if (self->pdf != NULL && self->n_pages > 0)
    /* Translators: the page of the notice shown, e.g. “Page 2 of 4” */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

  gtk_label_set_text (self->page_label, text != NULL ? text : "");
  gtk_picture_set_alternative_text (self->picture, text);
}

static void
gk_pdf_preview_set_busy (GkPdfPreview *self,
                         gboolean      busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* Shown under the page, so that an approver reads it before approving. */
static void
gk_pdf_preview_show_substitutions (GkPdfPreview *self,
                                   GPtrArray    *substitutions)
{
  g_autofree char *title = NULL;
  guint n;

  for (guint i = 0; i < self->font_rows->len; i++)
    adw_expander_row_remove (self->fonts_row, g_ptr_array_index (self->font_rows, i));
  g_ptr_array_set_size (self->font_rows, 0);

  for (guint i = 0; substitutions != NULL && i < substitutions->len; i++)
    {
      g_autofree char *text = gk_font_substitution_describe (g_ptr_array_index (substitutions, i));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->fonts_row, row);
      g_ptr_array_add (self->font_rows, row);
    }

  n = self->font_rows->len;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u font substituted", "%u fonts substituted", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fonts_row), title);
  /* libadwaita 1.2 names the expander's header, not the row that takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fonts_row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_revealer_set_reveal_child (self->fonts_revealer, n > 0);
}

static void
gk_pdf_preview_show_error (GkPdfPreview *self,
                           const GError *error)
{
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->shown_content, gk_notice_content_free);
  self->n_pages = 0;
  gtk_picture_set_paintable (self->picture, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gk_pdf_preview_show_substitutions (self, NULL);
}

static void
on_render_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (source);
  GTask *task = G_TASK (res);
  RenderRequest *request = g_task_get_task_data (task);
  g_autoptr(RenderResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (task, &error);

  /* A newer request, a clear or dispose came first: this page is stale. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  g_clear_object (&self->cancellable);
  gk_pdf_preview_set_busy (self, FALSE);

  if (result == NULL)
    {
      gk_pdf_preview_show_error (self, error);
      self->content_changed = FALSE;
      gk_pdf_preview_update_page_label (self);
      gk_pdf_preview_update_actions (self);
      return;
    }

  if (result->substitutions != NULL)
    gk_pdf_preview_show_substitutions (self, result->substitutions);
  if (request->pdf == NULL)
    {
      g_clear_pointer (&self->shown_content, gk_notice_content_free);
      self->shown_content = g_steal_pointer (&request->content);
      self->shown_layout = request->layout;
      self->content_changed = FALSE;
    }

  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_steal_pointer (&result->pdf);
  self->n_pages = result->n_pages;
  self->page = result->page;

  gtk_widget_set_size_request (GTK_WIDGET (self->picture), result->width, result->height);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (result->texture));
  gtk_stack_set_visible_child_name (self->stack, "page");

  gk_pdf_preview_update_page_label (self);
  gk_pdf_preview_update_actions (self);
}

static void
gk_pdf_preview_cancel (GkPdfPreview *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  self->waiting_for_size = FALSE;
}

/* Asks the worker for the current page at the current size; a newer
 * request cancels the one before. */
static void
gk_pdf_preview_queue_render (GkPdfPreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderRequest *request;
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  int height = gtk_widget_get_height (GTK_WIDGET (self->stack));

  gk_pdf_preview_cancel (self);
  if (self->content == NULL)
    return;

  gk_pdf_preview_set_busy (self, TRUE);
  if (gtk_picture_get_paintable (self->picture) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Fitting needs a size: before the first allocation, wait for it. */
  if (width <= 2 * PAGE_MARGIN || height <= 2 * PAGE_MARGIN)
    {
      self->waiting_for_size = TRUE;
      return;
    }

  request = g_new0 (RenderRequest, 1);
  request->content = gk_notice_content_copy (self->content);
  request->layout = self->layout;
  if (!self->content_changed && self->pdf != NULL)
    {
      request->pdf = g_bytes_ref (self->pdf);
      request->n_pages = self->n_pages;
    }
  request->page = self->page;
  request->zoom = self->zoom;
  request->width = self->asked_width = width;
  request->height = self->asked_height = height;
  request->scale = self->asked_scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_render_done, NULL);
  g_task_set_source_tag (task, gk_pdf_preview_queue_render);
  g_task_set_task_data (task, request, (GDestroyNotify) render_request_free);
  g_task_run_in_thread (task, render_thread);
}

static gboolean
on_resize_timeout (gpointer user_data)
{
  GkPdfPreview *self = user_data;

  self->resize_id = 0;
  gk_pdf_preview_queue_render (self);
  return G_SOURCE_REMOVE;
}

static void
gk_pdf_preview_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* A fitted page follows the size of the view; 100 % only its scale. */
static void
gk_pdf_preview_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);
  int stack_width, stack_height;
  gboolean changed;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  if (self->content == NULL)
    return;

  stack_width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  stack_height = gtk_widget_get_height (GTK_WIDGET (self->stack));
  if (self->zoom == ZOOM_ACTUAL)
    changed = FALSE;
  else if (self->zoom == ZOOM_FIT_WIDTH)
    changed = stack_width != self->asked_width;
  else
    changed = stack_width != self->asked_width || stack_height != self->asked_height;

  /* Not from here: a request changes the widgets being allocated. Not
   * from an idle either, which animations at redraw priority may starve. */
  if (self->waiting_for_size)
    {
      self->waiting_for_size = FALSE;
      self->resize_id = g_timeout_add (0, on_resize_timeout, self);
    }
  else if (changed)
    {
      g_clear_handle_id (&self->resize_id, g_source_remove);
      self->resize_id = g_timeout_add (RESIZE_DELAY_MS, on_resize_timeout, self);
    }
}

static void
on_scale_factor_changed (GkPdfPreview *self)
{
  if (self->content != NULL && gtk_widget_get_scale_factor (GTK_WIDGET (self)) != self->asked_scale)
    gk_pdf_preview_queue_render (self);
}

static void
gk_pdf_preview_set_zoom (GkPdfPreview *self,
                         const char   *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_modes); i++)
    {
      if (g_strcmp0 (name, zoom_modes[i].name) != 0)
        continue;

      gtk_menu_button_set_label (self->zoom_button, _(zoom_modes[i].label));
      if (self->zoom == (ZoomMode) i)
        return;

      self->zoom = i;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      gk_pdf_preview_queue_render (self);
      return;
    }

  g_warning ("Unknown zoom “%s”", name);
}

static void
gk_pdf_preview_go_to_page (GkPdfPreview *self,
                           guint         page)
{
  if (page >= self->n_pages || page == self->page)
    return;

  self->page = page;
  gk_pdf_preview_update_page_label (self);
  gk_pdf_preview_update_actions (self);
  gk_pdf_preview_queue_render (self);
}

static void
gk_pdf_preview_previous_page_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);

  if (self->page > 0)
    gk_pdf_preview_go_to_page (self, self->page - 1);
}

static void
gk_pdf_preview_next_page_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);

  gk_pdf_preview_go_to_page (self, self->page + 1);
}

static GtkWindow *
gk_pdf_preview_get_window (GkPdfPreview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* An approved notice leaves the app as the bytes approved, or not at all:
 * printing draws the same pages as the PDF shown, so checking that PDF
 * checks what prints. FALSE, having said why under HEADING, otherwise. */
static gboolean
gk_pdf_preview_check_approval (GkPdfPreview *self,
                               const char   *heading)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->notice == NULL ||
      gk_batch_export_check_approval (self->notice, self->shown_layout, self->pdf, &error))
    return TRUE;

  dialog = adw_message_dialog_new (gk_pdf_preview_get_window (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
gk_pdf_preview_print_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);

  if (self->pdf == NULL || self->shown_content == NULL ||
      !gk_pdf_preview_check_approval (self, _("Could Not Print the Notice")))
    return;
  gk_notice_printer_print (gk_pdf_preview_get_window (self), self->shown_content, self->shown_layout);
}

static void
gk_pdf_preview_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (widget);

  if (self->pdf == NULL || self->shown_content == NULL ||
      !gk_pdf_preview_check_approval (self, _("Could Not Save the PDF")))
    return;
  gk_notice_exporter_save (gk_pdf_preview_get_window (self), self->pdf, self->shown_content->title);
}

static void
gk_pdf_preview_dispose (GObject *object)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (object);

  gk_pdf_preview_cancel (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PDF_PREVIEW);

  G_OBJECT_CLASS (gk_pdf_preview_parent_class)->dispose (object);
}

static void
gk_pdf_preview_finalize (GObject *object)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (object);

  g_clear_pointer (&self->content, gk_notice_content_free);
  g_clear_object (&self->notice);
  g_clear_pointer (&self->shown_content, gk_notice_content_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->font_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_pdf_preview_parent_class)->finalize (object);
}

static void
gk_pdf_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_string (value, zoom_modes[self->zoom].name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_pdf_preview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkPdfPreview *self = GK_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      gk_pdf_preview_set_zoom (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_pdf_preview_class_init (GkPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_pdf_preview_dispose;
  object_class->finalize = gk_pdf_preview_finalize;
  object_class->get_property = gk_pdf_preview_get_property;
  object_class->set_property = gk_pdf_preview_set_property;

  widget_class->measure = gk_pdf_preview_measure;
  widget_class->size_allocate = gk_pdf_preview_size_allocate;

  /**
   * GkPdfPreview:zoom:
   *
   * How the page is scaled: "fit-width", "fit-page" or "100".
   */
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL,
                         "fit-width",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/preview/gk-pdf-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, box);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, picture);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, fonts_revealer);
  gtk_widget_class_bind_template_child (widget_class, GkPdfPreview, fonts_row);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL,
                                   gk_pdf_preview_previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL,
                                   gk_pdf_preview_next_page_action);
  gtk_widget_class_install_property_action (widget_class, "preview.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "preview.print", NULL,
                                   gk_pdf_preview_print_action);
  gtk_widget_class_install_action (widget_class, "preview.export", NULL,
                                   gk_pdf_preview_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "preview.next-page", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_pdf_preview_init (GkPdfPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->zoom = ZOOM_FIT_WIDTH;
  self->font_rows = g_ptr_array_new ();
  gtk_menu_button_set_label (self->zoom_button, _(zoom_modes[self->zoom].label));
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  gk_pdf_preview_update_page_label (self);
  gk_pdf_preview_update_actions (self);
}

GtkWidget *
gk_pdf_preview_new (void)
{
  return g_object_new (GK_TYPE_PDF_PREVIEW, NULL);
}

void
gk_pdf_preview_set_content (GkPdfPreview          *self,
                            const GkNoticeContent *content,
                            GkNoticeLayout         layout)
{
  g_return_if_fail (GK_IS_PDF_PREVIEW (self));
  g_return_if_fail (content != NULL);

  g_clear_pointer (&self->content, gk_notice_content_free);
  g_clear_object (&self->notice);
  self->content = gk_notice_content_copy (content);
  self->layout = layout;
  self->content_changed = TRUE;

  gk_pdf_preview_queue_render (self);
}

void
gk_pdf_preview_clear (GkPdfPreview *self)
{
  g_return_if_fail (GK_IS_PDF_PREVIEW (self));

  gk_pdf_preview_cancel (self);
  gk_pdf_preview_set_busy (self, FALSE);
  g_clear_pointer (&self->content, gk_notice_content_free);
  g_clear_object (&self->notice);
  g_clear_pointer (&self->shown_content, gk_notice_content_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->n_pages = 0;
  self->page = 0;

  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gk_pdf_preview_show_substitutions (self, NULL);
  gk_pdf_preview_update_page_label (self);
  gk_pdf_preview_update_actions (self);
}

void
gk_pdf_preview_set_notice (GkPdfPreview *self,
                           GkNotice     *notice)
{
  g_return_if_fail (GK_IS_PDF_PREVIEW (self));
  g_return_if_fail (notice == NULL || GK_IS_NOTICE (notice));

  g_set_object (&self->notice, notice);
}

GBytes *
gk_pdf_preview_get_pdf (GkPdfPreview *self)
{
  g_return_val_if_fail (GK_IS_PDF_PREVIEW (self), NULL);

  return self->pdf;
}

const GkNoticeContent *
gk_pdf_preview_get_shown_content (GkPdfPreview   *self,
                                  GkNoticeLayout *layout)
{
  g_return_val_if_fail (GK_IS_PDF_PREVIEW (self), NULL);

  if (layout != NULL)
    *layout = self->shown_layout;
  return self->shown_content;
}
