#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Three-way merge of a record's fields (DESIGN §6): when a save fails
 * because another desktop changed the record first, each field is compared
 * as it was when the form was opened (base), as typed (mine) and as it is
 * now (theirs). A field changed on one side only takes that side; a field
 * both changed differently is for the user to choose. Values are compared
 * as strings, NULL equal to NULL only: a list is given in a canonical form
 * (ids in order, say) by the caller. */

typedef enum
{
  GK_MERGE_SAME,      /* nobody changed it, or both the same way */
  GK_MERGE_MINE,      /* only I changed it: mine is kept */
  GK_MERGE_THEIRS,    /* only they changed it: theirs is taken */
  GK_MERGE_CONFLICT,  /* both changed it, differently: the user chooses */
} GkMergeOutcome;

typedef struct
{
  const char *field;  /* the caller's name for it */
  const char *base;
  const char *mine;
  const char *theirs;
} GkMergeField;

GkMergeOutcome gk_merge_field  (const char          *base,
                                const char          *mine,
                                const char          *theirs);

/* Merges N_FIELDS fields: OUTCOMES (N_FIELDS long) receives each field's
 * outcome and MERGED (N_FIELDS long, may be NULL) its merged value —
 * theirs when only they changed it, mine otherwise, conflicts included
 * until the user chooses. The values point into FIELDS. Returns how many
 * fields conflict. */
guint          gk_merge_fields (const GkMergeField  *fields,
                                guint                n_fields,
                                GkMergeOutcome      *outcomes,
                                const char         **merged);

/* The value of a merged field once the user chose for the conflicts. */
const char    *gk_merge_pick   (const GkMergeField  *field,
                                GkMergeOutcome       outcome,
                                gboolean             take_theirs);

/* All fields at once: MERGED (N_FIELDS long) receives each field's value,
 * theirs for a conflict where TAKE_THEIRS (N_FIELDS long, only read for
 * conflicts) says so. FALSE when the result is theirs in every field:
 * then there is nothing left to save. */
gboolean       gk_merge_resolve (const GkMergeField   *fields,
                                 guint                 n_fields,
                                 const GkMergeOutcome *outcomes,
                                 const gboolean       *take_theirs,
                                 const char          **merged);

G_END_DECLS
