import { Spinner } from '../components/ui/spinner';

export function BootScreen() {
  return (
    <div className="full-page-center">
      <Spinner label="Opening Switchyard…" />
    </div>
  );
}
