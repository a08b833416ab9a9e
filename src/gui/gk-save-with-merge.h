/* gk-save-with-merge.h — a form's answer to a save that missed the row_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gk-audit-query.h"
#include "inbox/gk-conflict-dialog.h"

G_BEGIN_DECLS

/* What the user answered to the conflict dialog. Cancel is no answer: the
 * form goes on with what was typed. */
typedef enum
{
  GK_MERGE_ANSWER_RELOAD,      /* mine discarded; VALUES are theirs */
  GK_MERGE_ANSWER_SAVE,        /* VALUES merged, with some of mine: save them */
  GK_MERGE_ANSWER_ALL_THEIRS,  /* VALUES are theirs in every field: nothing is left to save */
} GkMergeAnswer;

/* THEIRS is the record as it is now, what the next save expects; VALUES
 * (one per field) are valid during the call. */
typedef void (*GkMergeAnswerFunc) (GtkWindow          *form,
                                   GkMergeAnswer       answer,
                                   const char * const *values,
                                   gpointer            theirs);

/* A form's fields as its conflict shows them. */
typedef struct
{
  guint                n_fields;
  const char * const  *labels;      /* N_() strings */
  GkConflictValueText  value_text;  /* called with the form */
  GkMergeAnswerFunc    answer;
} GkMergeForm;

/* After a save (gk_write_job_run()) failed with GK_CORE_ERROR_CONFLICT
 * (DESIGN §6): the conflict dialog over FORM, headed HEADING, for SPEC's
 * fields as they were when the form was opened (BASE), as typed (MINE) and
 * as they are now (THEIRS_VALUES) — the three are copied — in the record
 * THEIRS, which the dialog keeps until it is gone and then frees with
 * THEIRS_FREE (nullable). LAST_CHANGE as in gk_conflict_dialog_new().
 * SPEC's answer is called once the user has answered; on
 * GK_MERGE_ANSWER_SAVE the form saves again, against THEIRS. */
void gk_save_with_merge_show_conflict (GtkWindow          *form,
                                       const char         *heading,
                                       const GkMergeForm  *spec,
                                       const GkAuditEntry *last_change,
                                       char * const       *base,
                                       char * const       *mine,
                                       char * const       *theirs_values,
                                       gpointer            theirs,
                                       GDestroyNotify      theirs_free);

/* A list of ids as a conflict compares it: "3,12,40", in the order given
 * (NULL: none); a form to which the order is no change sorts first. */
char   *gk_save_with_merge_ids_value (GArray     *ids);
GArray *gk_save_with_merge_ids_parse (const char *value);

G_END_DECLS
