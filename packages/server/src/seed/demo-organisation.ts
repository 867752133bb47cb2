/**
 * The demo organisation seeded on an empty database, as data. Everyone shares one demo
 * password, printed at start; it is a local demo, not a production account.
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

export const demoPeople: DemoPerson[] = [
  { employeeId: 'E001', name: 'Helena Brandt', email: 'helena.brandt@northwind.example', managerEmployeeId: null, department: 'Executive', level: 'Director', location: 'London' },
  { employeeId: 'E002', name: 'Morgan Ellis', email: 'manager@northwind.example', managerEmployeeId: 'E001', department: 'Operations', level: 'Senior manager', location: 'London', roles: ['participant'] },
  { employeeId: 'E003', name: 'Priya Shah', email: 'participant@northwind.example', managerEmployeeId: 'E002', department: 'Operations', level: 'Manager', location: 'London', roles: ['participant'] },
  { employeeId: 'E004', name: 'Tomás Ruiz', email: 'tomas.ruiz@northwind.example', managerEmployeeId: 'E002', department: 'Operations', level: 'Manager', location: 'Madrid' },
  { employeeId: 'E005', name: 'Aiko Tanaka', email: 'aiko.tanaka@northwind.example', managerEmployeeId: 'E003', department: 'Operations', level: 'Team member', location: 'London' },
  { employeeId: 'E006', name: 'Ben Okafor', email: 'ben.okafor@northwind.example', managerEmployeeId: 'E003', department: 'Operations', level: 'Team member', location: 'London' },
  { employeeId: 'E007', name: 'Clara Novak', email: 'clara.novak@northwind.example', managerEmployeeId: 'E003', department: 'Operations', level: 'Team member', location: 'Prague' },
  { employeeId: 'E008', name: 'Jamal Reed', email: 'admin@northwind.example', managerEmployeeId: 'E001', department: 'People & Culture', level: 'Senior manager', location: 'London', roles: ['admin'] },
  { employeeId: 'E009', name: 'Sofia Lindqvist', email: 'coach@northwind.example', managerEmployeeId: 'E008', department: 'People & Culture', level: 'Specialist', location: 'Stockholm', roles: ['coach'] },
  { employeeId: 'E010', name: 'Daniel Weiss', email: 'daniel.weiss@northwind.example', managerEmployeeId: 'E004', department: 'Operations', level: 'Team member', location: 'Madrid' },
  { employeeId: 'E011', name: 'Grace Mensah', email: 'grace.mensah@northwind.example', managerEmployeeId: 'E004', department: 'Operations', level: 'Team member', location: 'Madrid' },
  { employeeId: 'E012', name: 'Lucas Moreau', email: 'lucas.moreau@northwind.example', managerEmployeeId: 'E001', department: 'Finance', level: 'Senior manager', location: 'Paris' },
];
