/* gk-inbox-row.c: a plan in the inbox's list
 *
 * GtkListView (GTK 4.8) keeps some 200 rows around what it shows and
 * measures every row it binds; while the list scrolls fast nearly all of
 * them are bound again each frame. A GtkLabel measures its text with
 * several Pango layouts (a wrapped one, one a line); a GtkInscription
 * takes its size from the font's metrics and lays its text out once, when
 * drawn. Every row is as high: the title on one line (whole in its
 * tooltip and in the row's accessible name), then the details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-a11y.h"
#include "gk-inbox-row.h"

struct _GkInboxRow
{
  GtkWidget       parent_instance;

  GtkInscription *title;
  GtkInscription *details;
};

G_DEFINE_FINAL_TYPE (GkInboxRow, gk_inbox_row, GTK_TYPE_WIDGET)

/* Data is Simplified Chinese whatever the interface language: without the
 * language fontconfig may pick a Traditional or Japanese face for it. */
static GtkInscription *
inscription_new (guint lines)
{
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_inscription_set_attributes (inscription, attrs);
  pango_attr_list_unref (attrs);
  gtk_inscription_set_min_lines (inscription, lines);
  gtk_inscription_set_nat_lines (inscription, lines);
  gtk_inscription_set_wrap_mode (inscription, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (inscription, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (inscription, 0.0);
  gtk_inscription_set_yalign (inscription, 0.0);
  return inscription;
}

/* The whole title, which one line may not hold; asked for only when
 * shown, not set on every bind. */
static gboolean
on_title_query_tooltip (GtkInscription *title,
                        int             x,
                        int             y,
                        gboolean        keyboard_mode,
                        GtkTooltip     *tooltip,
                        gpointer        user_data)
{
  const char *text = gtk_inscription_get_text (title);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
gk_inbox_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_inbox_row_parent_class)->dispose (object);
}

static void
gk_inbox_row_class_init (GkInboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_inbox_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
gk_inbox_row_init (GkInboxRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  self->title = inscription_new (1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->title), TRUE);
  g_signal_connect (self->title, "query-tooltip", G_CALLBACK (on_title_query_tooltip), NULL);
  self->details = inscription_new (1);
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->title), GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->details), GTK_WIDGET (self));
}

GtkWidget *
gk_inbox_row_new (void)
{
  return g_object_new (GK_TYPE_INBOX_ROW, NULL);
}

void
gk_inbox_row_set_notice (GkInboxRow *self,
                         GkNotice   *notice)
{
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GK_IS_INBOX_ROW (self));
  g_return_if_fail (notice == NULL || GK_IS_NOTICE (notice));

  if (notice == NULL)
    {
      gtk_inscription_set_text (self->title, NULL);
      gtk_inscription_set_text (self->details, NULL);
      gk_a11y_set_name (GTK_WIDGET (self->title), "");
      gk_a11y_set_name (GTK_WIDGET (self->details), "");
      gk_a11y_name_list_row (GTK_WIDGET (self), "");
      return;
    }

  /* Translators: organization · state · date of a plan in the list */
  details = g_strdup_printf (_("%s · %s · %s"),
                             gk_notice_get_organization (notice),
                             gk_notice_state_describe (gk_notice_get_state (notice)),
                             gk_notice_get_date (notice));
  gtk_inscription_set_text (self->title, gk_notice_get_title (notice));
  gtk_inscription_set_text (self->details, details);
  /* GTK 4.8 names a GtkLabel by its text, not a GtkInscription. */
  gk_a11y_set_name (GTK_WIDGET (self->title), gk_notice_get_title (notice));
  gk_a11y_set_name (GTK_WIDGET (self->details), details);
  /* Translators: the name a screen reader gives a plan in the list: its title and state */
  name = g_strdup_printf (_("%s (%s)"), gk_notice_get_title (notice),
                          gk_notice_state_describe (gk_notice_get_state (notice)));
  gk_a11y_name_list_row (GTK_WIDGET (self), name);
}
