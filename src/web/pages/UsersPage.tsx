import { UserDirectory } from '../modules/users/UserDirectory';

export function UsersPage() {
  return <UserDirectory />;
}
