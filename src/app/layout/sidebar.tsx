import { NavLink } from 'react-router';
import { ChartBarsIcon, LayersIcon, LogoMark, RolloutIcon, ScrollTextIcon, TimelineIcon } from '../../components/ui/icons';
import { PaletteButton, ShortcutsButton } from '../shortcuts/palette-button';

const NAV = [
  { to: '/namespaces', label: 'Namespaces', icon: LayersIcon },
  { to: '/rollouts', label: 'Rollouts', icon: RolloutIcon },
  { to: '/insights', label: 'Insights', icon: ChartBarsIcon },
  { to: '/timeline', label: 'Timeline', icon: TimelineIcon },
  { to: '/audit', label: 'Audit log', icon: ScrollTextIcon },
] as const;

export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <LogoMark />
        <span>Switchyard</span>
      </div>
      <PaletteButton />
      <nav aria-label="Main" className="sidebar-nav">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink key={to} to={to} className="sidebar-link">
            <Icon />
            <span>{label}</span>
          </NavLink>
        ))}
      </nav>
      <ShortcutsButton />
    </aside>
  );
}
