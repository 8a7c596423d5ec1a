import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { JobForm } from './JobForm.tsx';

const POSTING = 'Requirements:\n- Kubernetes\n- Terraform';

function setup(found: string[] = ['Kubernetes', 'Terraform', 'EKS']) {
  const onSubmit = vi.fn();
  const onFindSkills = vi.fn(async () => found);
  render(
    <JobForm
      submitLabel="Continue"
      busy={false}
      error={null}
      onSubmit={onSubmit}
      onFindSkills={onFindSkills}
    />,
  );
  fireEvent.change(screen.getByLabelText('Job title'), { target: { value: 'SRE' } });
  fireEvent.change(screen.getByLabelText(/Job description/), { target: { value: POSTING } });
  return { onSubmit, onFindSkills };
}

describe('JobForm: skills found in the posting', () => {
  it('"Find skills" fills the field from the posting, keeping what was typed, and says so', async () => {
    const { onFindSkills } = setup();
    const skills = screen.getByLabelText(/^Skills/) as HTMLInputElement;
    expect(skills.required).toBe(false);
    fireEvent.change(skills, { target: { value: 'terraform, on-call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find skills in the posting' }));
    await waitFor(() => expect(skills.value).toBe('terraform, on-call, Kubernetes, EKS'));
    expect(onFindSkills).toHaveBeenCalledWith(POSTING);
    expect(screen.getByRole('status').textContent).toBe(
      'Found 3 skills in the posting. Adjust them as you like.',
    );
  });

  it('submitting with no skills finds them first instead of refusing', async () => {
    const { onSubmit } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0]).toMatchObject({ skills: 'Kubernetes, Terraform, EKS' });
  });

  it('says when the posting names no skill', async () => {
    setup([]);
    fireEvent.click(screen.getByRole('button', { name: 'Find skills in the posting' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/No skills found/);
  });

  it('without a finder (the admin form) the skills stay required, with no button', () => {
    render(<JobForm submitLabel="Save" busy={false} error={null} onSubmit={() => {}} />);
    expect((screen.getByLabelText(/^Skills/) as HTMLInputElement).required).toBe(true);
    expect(screen.queryByRole('button', { name: /Find skills/ })).toBeNull();
  });
});
