import { MonitorIcon, MoonIcon, SunIcon } from '../../components/ui/icons';
import { useThemeStore, type ThemePreference } from '../theme-store';

const OPTIONS: { value: ThemePreference; label: string; Icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light theme', Icon: SunIcon },
  { value: 'dark', label: 'Dark theme', Icon: MoonIcon },
  { value: 'system', label: 'System theme', Icon: MonitorIcon },
];

export function ThemeToggle() {
  const preference = useThemeStore((s) => s.preference);
  const choose = useThemeStore((s) => s.preferenceChosen);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {OPTIONS.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          className="segmented-item"
          aria-pressed={preference === value}
          aria-label={label}
          title={label}
          onClick={() => choose(value)}
        >
          <Icon />
        </button>
      ))}
    </div>
  );
}
