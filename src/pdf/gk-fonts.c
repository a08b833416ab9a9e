/* gk-fonts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pdf/gk-fonts.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>

#define FANDOL_DIR "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

/* Keep in step with the table in gk-fonts.h. */
static const char * const fallbacks[GK_FONT_N_ROLES][8] = {
  [GK_FONT_ROLE_TITLE] = { "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋",
                           "Noto Serif CJK SC Bold", "FandolSong Bold", NULL },
  [GK_FONT_ROLE_BODY] = { "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋_GBK",
                          "FandolFang", "Noto Serif CJK SC", NULL },
  [GK_FONT_ROLE_HEADING1] = { "黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC", "FandolHei", NULL },
  [GK_FONT_ROLE_HEADING2] = { "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体_GBK",
                              "AR PL KaitiM GB", "FandolKai", NULL },
  [GK_FONT_ROLE_PAGE_NUMBER] = { "宋体", "SimSun", "Noto Serif CJK SC", "FandolSong", NULL },
};

static const char * const role_names[GK_FONT_N_ROLES] = {
  [GK_FONT_ROLE_TITLE] = "title",
  [GK_FONT_ROLE_BODY] = "body",
  [GK_FONT_ROLE_HEADING1] = "heading1",
  [GK_FONT_ROLE_HEADING2] = "heading2",
  [GK_FONT_ROLE_PAGE_NUMBER] = "page-number",
};

static const char * const role_env[GK_FONT_N_ROLES] = {
  [GK_FONT_ROLE_TITLE] = "GONGKAI_FONT_TITLE",
  [GK_FONT_ROLE_BODY] = "GONGKAI_FONT_BODY",
  [GK_FONT_ROLE_HEADING1] = "GONGKAI_FONT_HEADING1",
  [GK_FONT_ROLE_HEADING2] = "GONGKAI_FONT_HEADING2",
  [GK_FONT_ROLE_PAGE_NUMBER] = "GONGKAI_FONT_PAGE_NUMBER",
};

/* The user's choice per role (the app's preferences): read by renderers on
 * worker threads, hence the lock. */
static GMutex preferred_lock;
static char *preferred[GK_FONT_N_ROLES];

const char *
gk_font_role_to_string (GkFontRole role)
{
  g_return_val_if_fail (role < GK_FONT_N_ROLES, NULL);

  return role_names[role];
}

void
gk_fonts_set_preferred (GkFontRole  role,
                        const char *description)
{
  g_return_if_fail (role < GK_FONT_N_ROLES);

  g_mutex_lock (&preferred_lock);
  g_free (preferred[role]);
  preferred[role] = description != NULL && description[0] != '\0' ? g_strdup (description) : NULL;
  g_mutex_unlock (&preferred_lock);
}

char *
gk_fonts_dup_preferred (GkFontRole role)
{
  char *description;

  g_return_val_if_fail (role < GK_FONT_N_ROLES, NULL);

  g_mutex_lock (&preferred_lock);
  description = g_strdup (preferred[role]);
  g_mutex_unlock (&preferred_lock);
  return description;
}

const char * const *
gk_fonts_get_fallbacks (GkFontRole role)
{
  g_return_val_if_fail (role < GK_FONT_N_ROLES, NULL);

  return fallbacks[role];
}

void
gk_fonts_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (g_file_test (FANDOL_DIR, G_FILE_TEST_IS_DIR) &&
          !FcConfigAppFontAddDir (NULL, (const FcChar8 *) FANDOL_DIR))
        g_warning ("Could not add %s to fontconfig", FANDOL_DIR);
      g_once_init_leave (&done, 1);
    }
}

G_DEFINE_BOXED_TYPE (GkFontSubstitution, gk_font_substitution,
                     gk_font_substitution_copy, gk_font_substitution_free)

GkFontSubstitution *
gk_font_substitution_new (GkFontRole  role,
                          const char *wanted,
                          const char *used)
{
  GkFontSubstitution *sub;

  g_return_val_if_fail (role < GK_FONT_N_ROLES, NULL);
  g_return_val_if_fail (wanted != NULL, NULL);
  g_return_val_if_fail (used != NULL, NULL);

  sub = g_new0 (GkFontSubstitution, 1);
  sub->role = role;
  sub->wanted = g_strdup (wanted);
  sub->used = g_strdup (used);
  return sub;
}

GkFontSubstitution *
gk_font_substitution_copy (const GkFontSubstitution *sub)
{
  g_return_val_if_fail (sub != NULL, NULL);

  return gk_font_substitution_new (sub->role, sub->wanted, sub->used);
}

void
gk_font_substitution_free (GkFontSubstitution *sub)
{
  if (sub == NULL)
    return;

  g_free (sub->wanted);
  g_free (sub->used);
  g_free (sub);
}

/* The sentence shown beside the preview, e.g.
 * "仿宋_GB2312 not installed: FandolFang used". */
char *
gk_font_substitution_describe (const GkFontSubstitution *sub)
{
  g_return_val_if_fail (sub != NULL, NULL);

  /* Translators: first %s is the wanted font family, second what printed instead */
  return g_strdup_printf (_("%s not installed: %s used"), sub->wanted, sub->used);
}

struct _GkFontChoice {
  GkFontRole role;
  char *wanted;                     /* first preference */
  PangoFontDescription *desc;       /* the one installed, without size */
  char *family;                     /* its family as Pango will describe it */
  gboolean wanted_installed;
  GPtrArray *used;                  /* distinct fonts seen in layout runs */
  gboolean foreign_run;             /* a run used another family than @family */
};

/* The canonical family name of an installed font of FAMILY, or NULL.
 * Fontconfig matches any of a font's names (仿宋_GB2312 finds a font whose
 * first name is FangSong_GB2312); Pango reports the first one. */
static char *
list_family (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *fonts;
  char *found = NULL;

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  fonts = FcFontList (NULL, pattern, objects);
  if (fonts != NULL && fonts->nfont > 0)
    {
      FcChar8 *name = NULL;

      if (FcPatternGetString (fonts->fonts[0], FC_FAMILY, 0, &name) == FcResultMatch)
        found = g_strdup ((const char *) name);
    }
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

/* list_family() of @desc's family, asked of fontconfig once per process:
 * every renderer looks up each role's list, and a batch export makes a
 * renderer per notice. Fontconfig itself does not rescan while we run. */
static char *
installed_family (const PangoFontDescription *desc)
{
  static GMutex lock;
  static GHashTable *families;   /* name → canonical family, "" for none */
  const char *family = pango_font_description_get_family (desc);
  g_autofree char *found = NULL;
  const char *known;

  if (family == NULL)
    return NULL;

  g_mutex_lock (&lock);
  if (families == NULL)
    families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  known = g_hash_table_lookup (families, family);
  if (known == NULL)
    {
      found = list_family (family);
      g_hash_table_insert (families, g_strdup (family), g_strdup (found != NULL ? found : ""));
    }
  else if (known[0] != '\0')
    found = g_strdup (known);
  g_mutex_unlock (&lock);
  return g_steal_pointer (&found);
}

GkFontChoice *
gk_font_choice_new (GkFontRole role)
{
  g_autoptr(GkFontChoice) choice = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autofree char *chosen = NULL;
  const char *forced;

  g_return_val_if_fail (role < GK_FONT_N_ROLES, NULL);

  gk_fonts_init ();

  forced = g_getenv (role_env[role]);
  chosen = gk_fonts_dup_preferred (role);
  if (forced != NULL && *forced != '\0')
    g_ptr_array_add (candidates, (gpointer) forced);
  if (chosen != NULL)
    g_ptr_array_add (candidates, chosen);
  for (guint i = 0; fallbacks[role][i] != NULL; i++)
    g_ptr_array_add (candidates, (gpointer) fallbacks[role][i]);

  choice = g_new0 (GkFontChoice, 1);
  choice->role = role;
  choice->used = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(PangoFontDescription) desc =
        pango_font_description_from_string (g_ptr_array_index (candidates, i));
      g_autofree char *family = installed_family (desc);

      if (i == 0)
        {
          choice->wanted = pango_font_description_to_string (desc);
          choice->wanted_installed = family != NULL;
        }
      /* Nothing installed at all: keep the last candidate and let Pango
       * fall back; the substitution report tells the user. */
      if (family != NULL || i == candidates->len - 1)
        {
          choice->desc = g_steal_pointer (&desc);
          choice->family = family != NULL
            ? g_steal_pointer (&family)
            : g_strdup (pango_font_description_get_family (choice->desc));
          break;
        }
    }

  return g_steal_pointer (&choice);
}

void
gk_font_choice_free (GkFontChoice *choice)
{
  if (choice == NULL)
    return;

  g_free (choice->wanted);
  g_clear_pointer (&choice->desc, pango_font_description_free);
  g_free (choice->family);
  g_clear_pointer (&choice->used, g_ptr_array_unref);
  g_free (choice);
}

const PangoFontDescription *
gk_font_choice_get_description (const GkFontChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);

  return choice->desc;
}

const char *
gk_font_choice_get_family (const GkFontChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);

  return choice->family;
}

gboolean
gk_font_choice_is_wanted_installed (const GkFontChoice *choice)
{
  g_return_val_if_fail (choice != NULL, FALSE);

  return choice->wanted_installed;
}

const char *
gk_font_choice_get_wanted (const GkFontChoice *choice)
{
  g_return_val_if_fail (choice != NULL, NULL);

  return choice->wanted;
}

/* Pango falls back silently when the chosen font lacks a character: look at
 * the font each run of @layout really got. */
void
gk_font_choice_note_layout (GkFontChoice *choice,
                            PangoLayout  *layout)
{
  g_return_if_fail (choice != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;
          g_autoptr(PangoFontDescription) desc = NULL;
          g_autofree char *name = NULL;
          guint index;

          if (run->item->analysis.font == NULL)
            continue;

          desc = pango_font_describe (run->item->analysis.font);
          pango_font_description_unset_fields (desc, PANGO_FONT_MASK_SIZE |
                                                     PANGO_FONT_MASK_GRAVITY |
                                                     PANGO_FONT_MASK_VARIATIONS);
          if (g_ascii_strcasecmp (pango_font_description_get_family (desc), choice->family) != 0)
            choice->foreign_run = TRUE;

          name = pango_font_description_to_string (desc);
          if (!g_ptr_array_find_with_equal_func (choice->used, name, g_str_equal, &index))
            g_ptr_array_add (choice->used, g_steal_pointer (&name));
        }
    }
}

/* Returns NULL when the preferred font printed everything of the role, or
 * when the role printed nothing. */
GkFontSubstitution *
gk_font_choice_get_substitution (const GkFontChoice *choice)
{
  g_autoptr(GString) used = NULL;

  g_return_val_if_fail (choice != NULL, NULL);

  if (choice->used->len == 0 || (choice->wanted_installed && !choice->foreign_run))
    return NULL;

  used = g_string_new (NULL);
  for (guint i = 0; i < choice->used->len; i++)
    {
      if (i > 0)
        g_string_append (used, ", ");
      g_string_append (used, g_ptr_array_index (choice->used, i));
    }
  return gk_font_substitution_new (choice->role, choice->wanted, used->str);
}
