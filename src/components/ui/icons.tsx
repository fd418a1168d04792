import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...rest }: IconProps) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export const SunIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1" />
  </Icon>
);

export const MoonIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13.5 9.5A5.5 5.5 0 0 1 6.5 2.5a5.5 5.5 0 1 0 7 7Z" />
  </Icon>
);

export const MonitorIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="1.75" y="2.5" width="12.5" height="8.5" rx="1.25" />
    <path d="M5.5 14h5M8 11v3" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="4.25" />
    <path d="m10.25 10.25 3.5 3.5" />
  </Icon>
);

export const LayersIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.75 14.25 5 8 8.25 1.75 5 8 1.75Z" />
    <path d="M1.75 8 8 11.25 14.25 8M1.75 11 8 14.25 14.25 11" />
  </Icon>
);

export const LogOutIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 14H3.25a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1H6M10.5 11.25 13.75 8 10.5 4.75M13.75 8H6" />
  </Icon>
);

export const AlertIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.75 15 14H1L8 1.75Z" />
    <path d="M8 6.5v3M8 11.75v.01" />
  </Icon>
);

export const PowerIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 1.75v6" />
    <path d="M4.5 4a5.25 5.25 0 1 0 7 0" />
  </Icon>
);

export const SortIcon = ({ direction, ...p }: IconProps & { direction: 'asc' | 'desc' | 'none' }) => (
  <Icon width="12" height="12" {...p}>
    {direction !== 'desc' && <path d="m5 6.5 3-3 3 3" opacity={direction === 'none' ? 0.45 : 1} />}
    {direction !== 'asc' && <path d="m5 9.5 3 3 3-3" opacity={direction === 'none' ? 0.45 : 1} />}
  </Icon>
);

export const ChevronRightIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m6 3.5 4.5 4.5L6 12.5" />
  </Icon>
);

export const LogoMark = (p: IconProps) => (
  <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" {...p}>
    <rect width="24" height="24" rx="6" fill="var(--accent)" />
    <path d="M5 16.5h4.5l5-9H19M5 7.5h4.5l1.6 2.9M13.9 13.6l.6 1.1 .9 1.8H19" stroke="var(--accent-contrast)" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const ScrollTextIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.75" y="1.75" width="10.5" height="12.5" rx="1.5" />
    <path d="M5.5 5h5M5.5 8h5M5.5 11h3" />
  </Icon>
);

export const CommandIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6 6V4.25A1.75 1.75 0 1 0 4.25 6H6Zm0 0h4m-4 0v4m4-4V4.25A1.75 1.75 0 1 1 11.75 6H10Zm0 0v4m0 0h1.75A1.75 1.75 0 1 1 10 11.75V10Zm0 0H6m0 0v1.75A1.75 1.75 0 1 1 4.25 10H6Z" />
  </Icon>
);

/** Steps rising left to right: a progressive rollout. */
export const RolloutIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M1.75 13.25h3v-3h3v-3h3v-3h3.5" />
    <circle cx="14.25" cy="4.25" r="0.5" fill="currentColor" />
  </Icon>
);

export const ChartBarsIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M1.75 14.25h12.5" />
    <rect x="3" y="8" width="2.5" height="4.5" rx="0.5" />
    <rect x="6.75" y="3.5" width="2.5" height="9" rx="0.5" />
    <rect x="10.5" y="6" width="2.5" height="6.5" rx="0.5" />
  </Icon>
);

export const TimelineIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M1.75 8h12.5" />
    <circle cx="4" cy="8" r="1.5" />
    <circle cx="9" cy="8" r="1.5" />
    <path d="M12.5 5.5v5M6.5 4v2.5M6.5 9.5V12" />
  </Icon>
);
