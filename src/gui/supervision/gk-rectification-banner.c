/* gk-rectification-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "core/gk-inspections.h"
#include "gk-rectification-banner.h"

struct _GkRectificationBanner
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (GkRectificationBanner, gk_rectification_banner, GTK_TYPE_WIDGET)

void
gk_rectification_banner_update (GkRectificationBanner *self,
                                GkDatabase            *db,
                                gint64                 person_id)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (GK_IS_RECTIFICATION_BANNER (self));

  if (db != NULL && person_id > 0)
    overdue = gk_inspections_overdue_for_person (db, person_id, NULL, &error);
  if (error != NULL)
    g_warning ("Cannot read the overdue rectifications: %s", error->message);

  gtk_widget_set_visible (GTK_WIDGET (self), overdue != NULL && overdue->len > 0);
  if (overdue == NULL || overdue->len == 0)
    return;

  /* Translators: the inbox's banner for the rectifications (督查整改) the
   * current person answers for whose deadline has passed */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rectification overdue",
                                       "%u rectifications overdue", overdue->len),
                          overdue->len);
  gtk_label_set_text (self->label, text);
}

static void
gk_rectification_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_RECTIFICATION_BANNER);

  G_OBJECT_CLASS (gk_rectification_banner_parent_class)->dispose (object);
}

static void
gk_rectification_banner_class_init (GkRectificationBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_rectification_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gongkai/Gongkai/supervision/gk-rectification-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRectificationBanner, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gk_rectification_banner_init (GkRectificationBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
