import { useNavigation } from 'react-router';

/** A thin bar under the top bar while the next screen's code loads. */
export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return <div className="nav-progress" role="progressbar" aria-label="Loading the next screen" />;
}
