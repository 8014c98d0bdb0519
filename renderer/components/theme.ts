/**
 * The look of every screen (UI.md, "Principles"): dense but calm for a 1366x768 workstation:
 * 14 px text, 13 px tables, rows about 32 px, a visible focus ring, tabular figures for numbers.
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Kemenperin blue, as a Mantine scale.
const sippt: MantineColorsTuple = [
  '#e7f1ff',
  '#cfdfff',
  '#9dbcfb',
  '#6897f7',
  '#3c78f3',
  '#2164f2',
  '#0f59f3',
  '#004ad9',
  '#0041c3',
  '#0037ad',
];

// Mantine's orange, green, teal and red text shades (7-9) and filled red sit between 3:1 and 4.5:1
// on white and on their own light tints. The lighter shades stay (tints, borders, bars); the
// shades used for words and filled buttons are darkened so that every one reads at 4.5:1 or better.
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#c2410c',
  '#b13c0b',
  '#9a3412',
  '#7c2d12',
];
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#277f39',
  '#24773a',
  '#1e6632',
  '#17532a',
];
const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#0b7a5a',
  '#096b4f',
  '#075c44',
  '#054a37',
];
const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#d42a2a',
  '#c92a2a',
  '#b02525',
  '#8f1d1d',
];

export const theme = createTheme({
  primaryColor: 'sippt',
  colors: { sippt, orange, green, teal, red },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '20px' },
  defaultRadius: 'sm',
  focusRing: 'always',
  // Staff who turn animations off in the OS get none (and a screen is measured as it settles).
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { fz: 'sm', verticalSpacing: 6 } },
    // Every close button needs a name a screen reader can say (axe-core: button-name).
    // Mantine prints a toast's description in grey 6 (3.3:1 on white).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Tutup / Close' } },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup / Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup / Close' } } },
  },
});

const LIGHT_TEXT_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'cyan',
  'grape',
  'violet',
  'indigo',
  'lime',
  'pink',
  'sippt',
];

/**
 * Mantine's dimmed grey (#868e96) is below 4.5:1 on white at 13-14 px: secondary text must stay
 * readable on an office monitor (and pass axe-core's contrast rule).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5f666d',
    '--mantine-color-placeholder': '#6c737a',
    // Light badges, pills and alerts print their text in shade 6 on a pale tint (about 3:1):
    // the darkest shade keeps the colour's meaning and reads at 4.5:1 or better.
    ...Object.fromEntries(
      LIGHT_TEXT_COLORS.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`]),
    ),
    // Filled grey badges (white on grey 6) likewise.
    '--mantine-color-gray-filled': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
