/* gk-fonts.h — which installed font prints each role of a notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum {
  GK_FONT_ROLE_TITLE,       /* 小标宋, title and red header */
  GK_FONT_ROLE_BODY,        /* 仿宋, body text */
  GK_FONT_ROLE_HEADING1,    /* 黑体, 一、 headings */
  GK_FONT_ROLE_HEADING2,    /* 楷体, （一） headings */
  GK_FONT_ROLE_PAGE_NUMBER, /* 宋体, page numbers and verification code */
  GK_FONT_N_ROLES
} GkFontRole;

const char *gk_font_role_to_string (GkFontRole role);

/*
 * Fallback order per role: the first installed family wins. Office fonts
 * come first, then what Debian 12 ships:
 *
 *   title        方正小标宋简体, 方正小标宋_GBK, FZXiaoBiaoSong-B05S, 小标宋,
 *                Noto Serif CJK SC Bold, FandolSong Bold
 *   body         仿宋_GB2312, FangSong_GB2312, 仿宋, FangSong, 方正仿宋_GBK,
 *                FandolFang, Noto Serif CJK SC
 *   heading1     黑体, SimHei, 方正黑体_GBK, Noto Sans CJK SC, FandolHei
 *   heading2     楷体_GB2312, KaiTi_GB2312, 楷体, KaiTi, 方正楷体_GBK,
 *                AR PL KaitiM GB, FandolKai
 *   page-number  宋体, SimSun, Noto Serif CJK SC, FandolSong
 *
 * cwTeX (fonts-cwtex-*) is never listed: it is Traditional-only and lacks
 * common simplified characters.
 *
 * GONGKAI_FONT_<ROLE> (GONGKAI_FONT_TITLE, _BODY, _HEADING1, _HEADING2,
 * _PAGE_NUMBER) holds a Pango font description ("仿宋_GB2312",
 * "Noto Serif CJK SC Bold") that is tried before the list and becomes the
 * wanted font; tests use it to ask for a font that is missing.
 *
 * gk_fonts_set_preferred() is the user's choice (the app's preferences):
 * tried after the environment variable and before the list, and the wanted
 * font when the variable is unset. NULL or "" goes back to the list alone.
 * Safe to call from any thread; renderers started afterwards follow it.
 */
void                gk_fonts_set_preferred (GkFontRole  role,
                                            const char *description);
char               *gk_fonts_dup_preferred (GkFontRole  role);
/* The built-in list of ROLE, NULL-terminated. */
const char * const *gk_fonts_get_fallbacks (GkFontRole  role);

/* Makes the FandolFang/FandolSong/… folder of texlive-lang-chinese, which
 * fontconfig does not index, known to fontconfig. Call it once before any
 * Pango font map is created (GUI: before gtk_init); the renderer calls it
 * too, which is enough for font maps created afterwards, e.g. per thread. */
void gk_fonts_init (void);

#define GK_TYPE_FONT_SUBSTITUTION (gk_font_substitution_get_type ())

/**
 * GkFontSubstitution:
 * @role: the role whose preferred font was not used
 * @wanted: the preferred family, e.g. "仿宋_GB2312"
 * @used: the font(s) that printed the role, e.g. "FandolFang"
 *
 * Shown to the user beside the preview and stored with the approval.
 */
typedef struct {
  GkFontRole  role;
  char       *wanted;
  char       *used;
} GkFontSubstitution;

GType               gk_font_substitution_get_type (void) G_GNUC_CONST;
GkFontSubstitution *gk_font_substitution_new      (GkFontRole                role,
                                                   const char               *wanted,
                                                   const char               *used);
GkFontSubstitution *gk_font_substitution_copy     (const GkFontSubstitution *sub);
void                gk_font_substitution_free     (GkFontSubstitution       *sub);
char               *gk_font_substitution_describe (const GkFontSubstitution *sub);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFontSubstitution, gk_font_substitution_free)

/* The font chosen for one role, and what Pango really used for it. */
typedef struct _GkFontChoice GkFontChoice;

GkFontChoice               *gk_font_choice_new              (GkFontRole          role);
void                        gk_font_choice_free             (GkFontChoice       *choice);
const PangoFontDescription *gk_font_choice_get_description  (const GkFontChoice *choice);
const char                 *gk_font_choice_get_wanted       (const GkFontChoice *choice);
/* The installed family that prints the role (before any per-character
 * fallback of Pango, which gk_font_choice_note_layout() finds). */
const char                 *gk_font_choice_get_family       (const GkFontChoice *choice);
gboolean                    gk_font_choice_is_wanted_installed (const GkFontChoice *choice);
void                        gk_font_choice_note_layout      (GkFontChoice       *choice,
                                                             PangoLayout        *layout);
GkFontSubstitution         *gk_font_choice_get_substitution (const GkFontChoice *choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFontChoice, gk_font_choice_free)

G_END_DECLS
