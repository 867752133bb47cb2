import { Outlet } from 'react-router';
import { useSession } from './session.tsx';

/** Admin sections: others get a plain explanation (the server refuses them anyway). */
export function AdminOnly() {
  const { session } = useSession();
  if (!session?.user.roles.includes('admin')) {
    return (
      <>
        <h1>Not available</h1>
        <p>This section is for HR and L&amp;D administrators.</p>
      </>
    );
  }
  return <Outlet />;
}
