import { useQuery } from '@tanstack/react-query';
import * as registryApi from '@contract/routes-registry';
import { apiRequest } from '../../../lib/api-client';

/** Every namespace, or one. Its list comes from the API (the namespaces feature is not imported). */
export function NamespaceFilter({ value, onChange }: { value: string | null; onChange: (ns: string | null) => void }) {
  const names = useQuery({
    queryKey: ['namespaces', 'list'],
    queryFn: async ({ signal }) => (await apiRequest(registryApi.listNamespaces, { signal })).items,
    select: (items) => items.map((n) => n.name),
  });
  return (
    <label className="tl-ns-filter">
      <span className="filter-label">Namespace</span>
      <select className="input input-sm" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">All namespaces</option>
        {(names.data ?? []).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
        {value !== null && names.data && !names.data.includes(value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}
