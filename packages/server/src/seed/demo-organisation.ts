/**
 * The demo organisation seeded on an empty database, as data. Everyone with a log-in shares
 * one demo password, printed at start; it is a local demo, not a production account.
 */
export const DEMO_PASSWORD = 'twofold-demo-password';

export const demoTenant = { slug: 'northwind', name: 'Northwind Trading (demo)' };

export interface DemoPerson {
  employeeId: string;
  name: string;
  email: string;
  managerEmployeeId: string | null;
  department: string;
  level: string;
  location: string;
  /** Roles when the person has a log-in; absent means no account. */
  roles?: ('admin' | 'coach' | 'participant')[];
}

const named: DemoPerson[] = [
  { employeeId: 'E001', name: 'Helena Brandt', email: 'helena.brandt@northwind.example', managerEmployeeId: null, department: 'Executive', level: 'Director', location: 'London' },
  { employeeId: 'E002', name: 'Morgan Ellis', email: 'manager@northwind.example', managerEmployeeId: 'E001', department: 'Operations', level: 'Senior manager', location: 'London', roles: ['participant'] },
  { employeeId: 'E003', name: 'Priya Shah', email: 'participant@northwind.example', managerEmployeeId: 'E002', department: 'Operations', level: 'Manager', location: 'London', roles: ['participant'] },
  { employeeId: 'E004', name: 'Tomás Ruiz', email: 'tomas.ruiz@northwind.example', managerEmployeeId: 'E002', department: 'Operations', level: 'Manager', location: 'Madrid' },
  { employeeId: 'E005', name: 'Jamal Reed', email: 'admin@northwind.example', managerEmployeeId: 'E001', department: 'People & Culture', level: 'Senior manager', location: 'London', roles: ['admin'] },
  { employeeId: 'E006', name: 'Sofia Lindqvist', email: 'coach@northwind.example', managerEmployeeId: 'E005', department: 'People & Culture', level: 'Specialist', location: 'Stockholm', roles: ['coach'] },
  { employeeId: 'E007', name: 'Lucas Moreau', email: 'lucas.moreau@northwind.example', managerEmployeeId: 'E001', department: 'Finance', level: 'Senior manager', location: 'Paris' },
  { employeeId: 'E008', name: 'Nadia Haddad', email: 'nadia.haddad@northwind.example', managerEmployeeId: 'E007', department: 'Finance', level: 'Manager', location: 'Paris' },
  { employeeId: 'E009', name: 'Oliver Grant', email: 'oliver.grant@northwind.example', managerEmployeeId: 'E001', department: 'Sales', level: 'Senior manager', location: 'Manchester' },
  { employeeId: 'E010', name: 'Mei Lin', email: 'mei.lin@northwind.example', managerEmployeeId: 'E009', department: 'Sales', level: 'Manager', location: 'Manchester' },
  { employeeId: 'E011', name: 'Kwame Asante', email: 'kwame.asante@northwind.example', managerEmployeeId: 'E009', department: 'Sales', level: 'Manager', location: 'London' },
];

// Team members under each first-line manager: [manager, department, location, names].
const teams: [string, string, string, string[]][] = [
  ['E003', 'Operations', 'London', ['Aiko Tanaka', 'Ben Okafor', 'Clara Novak', 'Dev Patel', 'Elif Yilmaz']],
  ['E004', 'Operations', 'Madrid', ['Daniel Weiss', 'Grace Mensah', 'Hugo Santos', 'Inés García', 'Zoe Adams', 'Ali Demir']],
  ['E008', 'Finance', 'Paris', ['Julien Petit', 'Karin Berg', 'Léa Martin', 'Marco Rossi']],
  ['E010', 'Sales', 'Manchester', ['Niamh Kelly', 'Omar Farouk', 'Paula Costa', 'Quinn Taylor']],
  ['E011', 'Sales', 'London', ['Rosa Diaz', 'Sam Whitfield', 'Tariq Aziz', 'Uma Reddy', 'Vera Ivanova', 'Will Hughes']],
  ['E006', 'People & Culture', 'Stockholm', ['Viktor Lund', 'Wendy Chen']],
  ['E002', 'Operations', 'London', ['Xavier Dubois', 'Yara Nasser']],
];

function slugEmail(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return `${ascii.replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@northwind.example`;
}

let next = named.length + 1;
export const demoPeople: DemoPerson[] = [
  ...named,
  ...teams.flatMap(([manager, department, location, names]) =>
    names.map((name) => ({
      employeeId: `E${String(next++).padStart(3, '0')}`,
      name,
      email: slugEmail(name),
      managerEmployeeId: manager,
      department,
      level: 'Team member',
      location,
    })),
  ),
];
