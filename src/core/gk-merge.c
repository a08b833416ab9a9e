/* gk-merge.c: three-way comparison of a record's fields after a conflict */

#include "core/gk-merge.h"

GkMergeOutcome
gk_merge_field (const char *base,
                const char *mine,
                const char *theirs)
{
  gboolean mine_changed = g_strcmp0 (base, mine) != 0;
  gboolean theirs_changed = g_strcmp0 (base, theirs) != 0;

  if (g_strcmp0 (mine, theirs) == 0)
    return GK_MERGE_SAME;
  if (mine_changed && theirs_changed)
    return GK_MERGE_CONFLICT;
  return mine_changed ? GK_MERGE_MINE : GK_MERGE_THEIRS;
}

guint
gk_merge_fields (const GkMergeField  *fields,
                 guint                n_fields,
                 GkMergeOutcome      *outcomes,
                 const char         **merged)
{
  guint n_conflicts = 0;

  g_return_val_if_fail (fields != NULL || n_fields == 0, 0);
  g_return_val_if_fail (outcomes != NULL || n_fields == 0, 0);

  for (guint i = 0; i < n_fields; i++)
    {
      outcomes[i] = gk_merge_field (fields[i].base, fields[i].mine, fields[i].theirs);
      if (outcomes[i] == GK_MERGE_CONFLICT)
        n_conflicts++;
      if (merged != NULL)
        merged[i] = gk_merge_pick (&fields[i], outcomes[i], FALSE);
    }
  return n_conflicts;
}

gboolean
gk_merge_resolve (const GkMergeField   *fields,
                  guint                 n_fields,
                  const GkMergeOutcome *outcomes,
                  const gboolean       *take_theirs,
                  const char          **merged)
{
  gboolean mine_left = FALSE;

  g_return_val_if_fail (fields != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (outcomes != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (take_theirs != NULL || n_fields == 0, FALSE);
  g_return_val_if_fail (merged != NULL || n_fields == 0, FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      merged[i] = gk_merge_pick (&fields[i], outcomes[i], take_theirs[i]);
      mine_left = mine_left || g_strcmp0 (merged[i], fields[i].theirs) != 0;
    }
  return mine_left;
}

/* TAKE_THEIRS matters for a conflict only: the other outcomes are decided. */
const char *
gk_merge_pick (const GkMergeField *field,
               GkMergeOutcome      outcome,
               gboolean            take_theirs)
{
  g_return_val_if_fail (field != NULL, NULL);

  switch (outcome)
    {
    case GK_MERGE_THEIRS:
      return field->theirs;
    case GK_MERGE_CONFLICT:
      return take_theirs ? field->theirs : field->mine;
    case GK_MERGE_SAME:
    case GK_MERGE_MINE:
    default:
      return field->mine;
    }
}
