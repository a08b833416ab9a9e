/* gk-save-with-merge.c — a form's answer to a save that missed the row_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part the plan editor and the catalog item dialog share: the three
 * sides kept for as long as the dialog is open, the merge of the user's
 * choices, and which of the three answers it comes to; and the text form
 * of their lists of ids. What an answer does to the form is the form's.
 */

#include "gk-save-with-merge.h"

typedef struct
{
  GtkWindow         *form;
  const GkMergeForm *spec;
  char             **base;
  char             **mine;
  char             **theirs_values;
  GkMergeField      *fields;
  GkMergeOutcome    *outcomes;
  gpointer           theirs;
  GDestroyNotify     theirs_free;
} Conflict;

static char **
values_copy (char * const *values,
             guint         n_fields)
{
  char **copy = g_new0 (char *, n_fields);

  for (guint i = 0; i < n_fields; i++)
    copy[i] = g_strdup (values[i]);
  return copy;
}

static void
values_free (char  **values,
             guint   n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    g_free (values[i]);
  g_free (values);
}

static void
conflict_free (Conflict *conflict)
{
  guint n_fields = conflict->spec->n_fields;

  g_clear_object (&conflict->form);
  values_free (conflict->base, n_fields);
  values_free (conflict->mine, n_fields);
  values_free (conflict->theirs_values, n_fields);
  g_free (conflict->fields);
  g_free (conflict->outcomes);
  if (conflict->theirs_free != NULL)
    g_clear_pointer (&conflict->theirs, conflict->theirs_free);
  g_free (conflict);
}

static void
on_conflict_response (GkConflictDialog *dialog,
                      const char       *response,
                      Conflict         *conflict)
{
  guint n_fields = conflict->spec->n_fields;
  g_autofree const char **merged = NULL;
  g_autofree gboolean *take_theirs = NULL;
  GkMergeAnswer answer;

  if (g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "reload"))
    {
      conflict->spec->answer (conflict->form, GK_MERGE_ANSWER_RELOAD,
                              (const char * const *) conflict->theirs_values, conflict->theirs);
      return;
    }

  merged = g_new0 (const char *, n_fields);
  take_theirs = g_new0 (gboolean, n_fields);
  for (guint i = 0; i < n_fields; i++)
    take_theirs[i] = gk_conflict_dialog_takes_theirs (dialog, i);
  answer = gk_merge_resolve (conflict->fields, n_fields, conflict->outcomes, take_theirs, merged)
           ? GK_MERGE_ANSWER_SAVE : GK_MERGE_ANSWER_ALL_THEIRS;
  conflict->spec->answer (conflict->form, answer, merged, conflict->theirs);
}

void
gk_save_with_merge_show_conflict (GtkWindow          *form,
                                  const char         *heading,
                                  const GkMergeForm  *spec,
                                  const GkAuditEntry *last_change,
                                  char * const       *base,
                                  char * const       *mine,
                                  char * const       *theirs_values,
                                  gpointer            theirs,
                                  GDestroyNotify      theirs_free)
{
  Conflict *conflict;
  GkConflictDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (form));
  g_return_if_fail (spec != NULL && spec->answer != NULL);
  g_return_if_fail (base != NULL && mine != NULL && theirs_values != NULL);

  conflict = g_new0 (Conflict, 1);
  conflict->form = g_object_ref (form);
  conflict->spec = spec;
  conflict->base = values_copy (base, spec->n_fields);
  conflict->mine = values_copy (mine, spec->n_fields);
  conflict->theirs_values = values_copy (theirs_values, spec->n_fields);
  conflict->fields = g_new0 (GkMergeField, spec->n_fields);
  conflict->outcomes = g_new0 (GkMergeOutcome, spec->n_fields);
  conflict->theirs = theirs;
  conflict->theirs_free = theirs_free;

  dialog = gk_conflict_dialog_new_for_fields (form, heading, last_change, spec->n_fields, spec->labels,
                                              conflict->base, conflict->mine, conflict->theirs_values,
                                              spec->value_text, form, conflict->fields, conflict->outcomes);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_conflict_response),
                         conflict, (GClosureNotify) (void (*) (void)) conflict_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
gk_save_with_merge_ids_value (GArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GArray *
gk_save_with_merge_ids_parse (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", ",", -1);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}
