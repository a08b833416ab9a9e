/* gk-conflict-dialog.h — another desktop changed the record first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gk-audit-query.h"
#include "core/gk-merge.h"

G_BEGIN_DECLS

#define GK_TYPE_CONFLICT_DIALOG (gk_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GkConflictDialog, gk_conflict_dialog, GK, CONFLICT_DIALOG, AdwWindow)

/* Shown when a save misses the row_version (DESIGN §6): who changed the
 * record and when (LAST_CHANGE, the record's last audit event, may be
 * NULL), the fields combined automatically, and for each field both sides
 * changed a choice between mine and theirs (mine at first), with "Keep
 * All Mine" and "Take All Theirs". Nothing is decided until the user
 * answers: "response" is emitted with "save" (apply the choices and save
 * against the new row_version), "reload" (discard mine) or "cancel" (go
 * on editing; the form is untouched). Used by the plan editor and the
 * catalog item dialog, which each know their fields. */
GkConflictDialog *gk_conflict_dialog_new            (GtkWindow          *parent,
                                                     const char         *heading,
                                                     const GkAuditEntry *last_change);
/* The text of VALUE, the field at INDEX, as the form shows it (freed by
 * the caller). */
typedef char *(*GkConflictValueText) (guint       index,
                                      const char *value,
                                      gpointer    user_data);
/* The dialog for N_FIELDS fields at once: fills FIELDS from LABELS (N_()
 * strings, shown translated) and the BASE, MINE and THEIRS values, merges
 * them into OUTCOMES, and adds every field with VALUE_TEXT's texts. FIELDS
 * and OUTCOMES are the caller's, N_FIELDS long, for the answer. */
GkConflictDialog *gk_conflict_dialog_new_for_fields (GtkWindow           *parent,
                                                     const char          *heading,
                                                     const GkAuditEntry  *last_change,
                                                     guint                n_fields,
                                                     const char * const  *labels,
                                                     char * const        *base,
                                                     char * const        *mine,
                                                     char * const        *theirs,
                                                     GkConflictValueText  value_text,
                                                     gpointer             user_data,
                                                     GkMergeField        *fields,
                                                     GkMergeOutcome      *outcomes);
/* Adds the next field (index 0, 1, …) as the user reads it: LABEL, and
 * MINE and THEIRS as text. Fields with GK_MERGE_SAME are not shown. */
guint             gk_conflict_dialog_add_field      (GkConflictDialog   *self,
                                                     const char         *label,
                                                     GkMergeOutcome      outcome,
                                                     const char         *mine,
                                                     const char         *theirs);
/* Whether the user chose theirs for the field at INDEX (a conflict). */
gboolean          gk_conflict_dialog_takes_theirs   (GkConflictDialog   *self,
                                                     guint               index);
/* "Someone at 2026-03-01 10:22" as the dialog says it, for messages. */
char             *gk_conflict_dialog_describe_change (const GkAuditEntry *last_change);

G_END_DECLS
