/* gk-a11y.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "gk-a11y.h"

/* GTK 4.8 names a button whose label has a mnemonic twice: by its raw
 * label (“_Export”, “查看(_S)…”), and again by the label widget it is
 * labelled by (“Export”, “查看(S)…”). GTK 4.10 dropped the first; so does
 * this, for every button, whenever its label or use-underline is set.
 *
 * Not when the button is mapped: GTK exposes a widget that never was (a
 * button of a tab not shown yet, or of a banner that appears later), and
 * an AT-SPI client keeps the name it first read. GObject's "notify" takes
 * no emission hook and is not emitted at all without a handler, so the
 * class's notify vfunc is where every button hears of its label. */
static void (*button_notify_chained) (GObject *object, GParamSpec *pspec);

static void
button_notify (GObject    *object,
               GParamSpec *pspec)
{
  GtkButton *button = GTK_BUTTON (object);

  if ((g_str_equal (pspec->name, "label") || g_str_equal (pspec->name, "use-underline"))
      && gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* libadwaita 1.2 leaves a toast's close button without a name; the app
   * itself names every icon button it makes, after this. */
  else if (g_str_equal (pspec->name, "icon-name")
           && g_strcmp0 (gtk_button_get_icon_name (button), "window-close-symbolic") == 0)
    /* Translators: the accessible name of a button that closes a notification */
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
  if (button_notify_chained != NULL)
    button_notify_chained (object, pspec);
}

/* TYPE's class and those of its subtypes already initialized: a class
 * initialized later copies its parent's vfunc. */
static void
patch_button_notify (GType type)
{
  GObjectClass *klass = g_type_class_peek (type);
  g_autofree GType *children = NULL;
  guint n_children = 0;

  if (klass != NULL && klass->notify == button_notify_chained)
    klass->notify = button_notify;
  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    patch_button_notify (children[i]);
}

void
gk_a11y_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Kept for the life of the process: the class is patched. */
      GObjectClass *button_class = g_type_class_ref (GTK_TYPE_BUTTON);

      button_notify_chained = button_class->notify;
      patch_button_notify (GTK_TYPE_BUTTON);
      g_once_init_leave (&done, 1);
    }
}

/* Names WIDGET, and only with NAME. GTK 4.8 joins a widget's label
 * property with the names of the labels it is labelled by: a button whose
 * label has a mnemonic, or holds an AdwButtonContent, is labelled by that
 * label, so an explicit name would be read twice (“Current person: 王五
 * 王五”). */
void
gk_a11y_set_name (GtkWidget  *widget,
                  const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Names the row of a GtkListView or GtkColumnView that holds CELL_CHILD,
 * the widget a factory set up: GTK 4.8 gives the row no name of its own
 * and no way to set one (gtk_list_item_set_accessible_label() is 4.12). To
 * be called from the factory's bind. */
void
gk_a11y_name_list_row (GtkWidget  *cell_child,
                       const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (cell_child));
  g_return_if_fail (name != NULL);

  for (GtkWidget *widget = gtk_widget_get_parent (cell_child);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          return;
        }
    }
}

/* GTK 4.8's GtkDropDown is a container around an unnamed toggle button,
 * which is what takes the focus: both get NAME. */
void
gk_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Names the buttons under ROOT that show only the icon ICON_NAME: those a
 * library built without a name (AdwPreferencesWindow's search button in
 * libadwaita 1.2). */
void
gk_a11y_name_icon_buttons (GtkWidget  *root,
                           const char *icon_name,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (icon_name != NULL && name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else
        gk_a11y_name_icon_buttons (child, icon_name, name);
    }
}

/* GTK 4.8 gives a GtkColumnView's row of column titles the focus but no
 * name. */
void
gk_a11y_name_column_titles (GtkColumnView *view,
                            const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_ROW)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

typedef struct
{
  GtkWidget *previous;
  GtkWidget *next;
} TabOut;

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TabOut                *tab_out)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);

  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    return gtk_widget_child_focus (tab_out->previous, GTK_DIR_TAB_BACKWARD);

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if (tab_out->next != NULL)
    return gtk_widget_get_mapped (tab_out->next) && gtk_widget_child_focus (tab_out->next, GTK_DIR_TAB_FORWARD);
  /* Nothing after the list: round to the top of the window. */
  if (root == NULL)
    return FALSE;
  gtk_root_set_focus (root, NULL);
  return gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
}

/* GTK 4.8 stops Tab at every row of a GtkListView or GtkColumnView, which
 * puts what follows a list as many key presses away as the list is long.
 * With this Tab leaves LIST for NEXT (NULL: the top of the window) and
 * Shift+Tab for PREVIOUS; the arrow keys still move from row to row. */
void
gk_a11y_tab_out_of_list (GtkWidget *list,
                         GtkWidget *previous,
                         GtkWidget *next)
{
  GtkEventController *keys;
  TabOut *tab_out;

  g_return_if_fail (GTK_IS_WIDGET (list));
  g_return_if_fail (GTK_IS_WIDGET (previous));
  g_return_if_fail (next == NULL || GTK_IS_WIDGET (next));

  tab_out = g_new0 (TabOut, 1);
  tab_out->previous = previous;
  tab_out->next = next;
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_data (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), tab_out,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (list, keys);
}
